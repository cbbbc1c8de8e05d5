import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { who } from '../shared/format';
import { displayNames } from '../shared/people';

const Names = createContext<ReadonlyMap<string, string>>(new Map());

/**
 * Looks up the names of the accounts the panel shows, asking Jira only for ids it has not asked
 * about yet (one request per new set). Until an answer arrives, or when there is none, ids show.
 */
export function NamesProvider({ accountIds, children }: { accountIds: string[]; children: ReactNode }) {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const asked = useRef(new Set<string>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const key = accountIds.join('\n');
  useEffect(() => {
    const ids = key.split('\n').filter((id) => id !== '' && !asked.current.has(id));
    if (ids.length === 0) return;
    for (const id of ids) asked.current.add(id);
    void displayNames(ids).then((found) => {
      if (mounted.current && found.size > 0) setNames((known) => new Map([...known, ...found]));
    });
  }, [key]);
  return <Names.Provider value={names}>{children}</Names.Provider>;
}

/** Who did something, in words: "the app", the person's name, or their id while it is unknown. */
export function useWho(): (by: string | undefined) => string {
  const names = useContext(Names);
  return (by) => (by && by !== 'app' ? (names.get(by) ?? who(by)) : who(by));
}
