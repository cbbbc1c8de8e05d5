import { THEME_ATTRIBUTE } from './theme-css';

/**
 * The host side of `@forge/bridge` for the local frames, served as `/local/bridge.js` and loaded
 * before the page's bundle (the bridge modules read `window.__bridge` when they load).
 * The frame's address carries what the Jira host would know: the module, the ticket and the user.
 */
export function bridgeScript(): string {
  return `(function () {
  var params = new URLSearchParams(location.search);
  var moduleKey = params.get('module') || '';
  var moduleType = params.get('type') || '';
  var issueKey = params.get('issueKey') || '';
  var accountId = params.get('as') || '';
  var themeAttribute = ${JSON.stringify(THEME_ATTRIBUTE)};

  function colorMode() {
    try { return (window.parent && window.parent.localStorage.getItem('cf-color-mode')) || 'light'; } catch (e) { return 'light'; }
  }
  function applyTheme() {
    var root = document.documentElement;
    root.setAttribute('data-color-mode', colorMode());
    root.setAttribute('data-theme', themeAttribute);
    if (!document.getElementById('local-theme')) {
      var link = document.createElement('link');
      link.id = 'local-theme';
      link.rel = 'stylesheet';
      link.href = '/local/tokens.css';
      document.head.appendChild(link);
    }
  }
  window.__applyLocalTheme = applyTheme;

  var handlers = {
    invoke: function (payload) {
      return fetch('/local/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ functionKey: payload.functionKey, payload: payload.payload, moduleKey: moduleKey, issueKey: issueKey, accountId: accountId })
      }).then(function (res) {
        return res.json().then(function (body) {
          if (!res.ok) throw new Error(body && body.error ? body.error : 'the local site answered ' + res.status);
          return body.result;
        });
      });
    },
    // requestJira: answered by the Jira emulator as the frame's user, in the shape the bridge expects.
    fetchProduct: function (payload) {
      var init = (payload && payload.fetchRequestInit) || {};
      return fetch('/local/jira', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ product: payload && payload.product, restPath: payload && payload.restPath, method: init.method || 'GET', headers: init.headers || [], body: init.body == null ? null : init.body, accountId: accountId })
      }).then(function (res) {
        return res.json().then(function (answer) {
          if (!res.ok) throw new Error(answer && answer.error ? answer.error : 'the local site answered ' + res.status);
          return answer;
        });
      });
    },
    getContext: function () {
      var extension = { type: moduleType };
      if (issueKey) {
        extension.issue = { key: issueKey, id: params.get('issueId') || '', type: 'Service Request', typeId: '10100' };
        extension.project = { id: '10000', key: issueKey.split('-')[0], type: 'service_desk' };
      }
      return Promise.resolve({
        accountId: accountId, cloudId: 'local-cloud', siteUrl: location.origin, moduleKey: moduleKey, localId: 'local-' + moduleKey,
        locale: 'en-US', timezone: 'UTC', environmentType: 'DEVELOPMENT', extension: extension,
        theme: { colorMode: colorMode() }
      });
    },
    enableTheming: function () { applyTheme(); return Promise.resolve(); },
    navigate: function (payload) {
      var url = payload && payload.url ? payload.url : '/';
      if (payload && payload.type === 'new-tab') window.open(url, '_blank'); else window.top.location.assign(url);
      return Promise.resolve();
    },
    open: function (payload) { window.open(payload && payload.url ? payload.url : '/', '_blank'); return Promise.resolve(); },
    reload: function () { location.reload(); return Promise.resolve(); },
    refresh: function () { location.reload(); return Promise.resolve(); },
    showFlag: function () { return Promise.resolve({ id: 'local-flag' }); },
    closeFlag: function () { return Promise.resolve(); },
    emitReadyEvent: function () { return Promise.resolve(); },
    changeWindowTitle: function () { return Promise.resolve(); }
  };

  window.__bridge = {
    callBridge: function (name, payload) {
      var handler = handlers[name];
      if (!handler) return Promise.reject(new Error('The local site does not provide the bridge call "' + name + '".'));
      try { return handler(payload); } catch (e) { return Promise.reject(e); }
    }
  };
})();
`;
}
