declare module '@sinonjs/fake-timers' {
  export interface InstalledClock {
    now: number;
    setSystemTime(now: number | Date): void;
    uninstall(): void;
  }
  export function withGlobal(global: object): {
    install(config: { now?: number | Date; toFake?: string[]; shouldAdvanceTime?: boolean }): InstalledClock;
  };
}
