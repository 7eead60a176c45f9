// The console's only way to the engine: the public API, on this host, with the signed-in key.
// Every non-2xx answer becomes an ApiError carrying the API's own message and its per-field errors, which
// forms show next to the fields they name (ui.js showErrors).

/** Where the API lives: this page's host, under whatever prefix the console itself is served (a mapped path). */
export const API_BASE = location.pathname.replace(/\/console(\/.*)?$/, '');

export class ApiError extends Error {
  constructor(status, body) {
    super(messageOf(status, body));
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.code = body && typeof body === 'object' ? body.code : undefined;
    /** [{field, message}] as the API sent them; empty when the error is not about a field. */
    this.errors = body && Array.isArray(body.errors) ? body.errors : [];
    this.requestId = body && typeof body === 'object' ? body.requestId : undefined;
  }
}

function messageOf(status, body) {
  if (body && typeof body === 'object') {
    if (body.message) return body.message;
    if (body.error) return body.error;
  }
  if (typeof body === 'string' && body.trim()) return body.trim().slice(0, 300);
  if (status === 0) return 'The API did not answer (network error).';
  return `The API answered ${status}.`;
}

/** A fresh Idempotency-Key: a retried click or resent form changes nothing after the first. */
export function newIdempotencyKey() {
  return crypto.randomUUID();
}

function queryString(query) {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(name, v));
    else params.append(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * An API client bound to one key. Options of call():
 *  query    object of query parameters (empty values left out)
 *  json     a body sent as JSON
 *  body     a body sent as is (FormData for uploads, URLSearchParams for forms)
 *  headers  more headers (Idempotency-Key, ...)
 *  as       'json' (default), 'text' or 'blob': how to read a 2xx answer
 */
export function createApi(key) {
  async function call(method, path, options = {}) {
    const headers = { Accept: 'application/json', ...(options.headers || {}) };
    if (key) headers.Authorization = `Bearer ${key}`;
    let body;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.body !== undefined) {
      body = options.body;
    }
    let response;
    try {
      response = await fetch(API_BASE + path + queryString(options.query), {
        method, headers, body, credentials: 'omit', cache: 'no-store', redirect: 'error',
      });
    } catch (e) {
      throw new ApiError(0, null);
    }
    if (!response.ok) {
      const text = await response.text();
      let parsed = text;
      try { parsed = text ? JSON.parse(text) : null; } catch (e) { /* not JSON: keep the text */ }
      throw new ApiError(response.status, parsed);
    }
    const as = options.as || 'json';
    if (as === 'blob') return response.blob();
    if (as === 'text') return response.text();
    if (response.status === 204) return null;
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }
  return {
    call,
    get: (path, query, options = {}) => call('GET', path, { ...options, query }),
    post: (path, json, options = {}) => call('POST', path, { ...options, json }),
    put: (path, json, options = {}) => call('PUT', path, { ...options, json }),
    del: (path, options = {}) => call('DELETE', path, options),
  };
}

/** Path segments are user data (codes, ids): always encoded. */
export function path(strings, ...values) {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? encodeURIComponent(values[i]) : ''), '');
}
