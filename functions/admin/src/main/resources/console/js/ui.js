// DOM building blocks. Nothing here writes HTML from strings: the CSP's Trusted Types forbid it, and data from
// the API only ever becomes text nodes and attribute values.

import { ApiError } from './api.js';

let idCounter = 0;
/** A document-unique id, for label/for and aria-describedby. */
export function uid(prefix = 'f') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/**
 * h('button', {class: 'primary', onclick: fn, disabled: true}, 'Save'): an element. Props starting with "on" are
 * listeners; true/false set or leave out a boolean attribute; "dataset" sets data-*; children are nodes or text
 * (null and false are skipped, arrays are flattened).
 */
export function h(tag, props = {}, ...children) {
  const svg = ['svg', 'g', 'rect', 'line', 'path', 'text', 'title', 'polyline', 'circle', 'desc'].includes(tag);
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name === 'value' && !svg) el.value = value;
    else if (name === 'checked' && !svg) el.checked = Boolean(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Says something to screen readers (and the tests) without moving focus. */
export function announce(text) {
  const live = document.getElementById('announcer');
  if (live) live.textContent = text;
}

/** A page heading, focused when a page opens so keyboard and screen-reader users start there. */
export function pageHeading(text, ...actions) {
  return h('div', { class: 'page-head' }, h('h1', { id: 'page-title', tabindex: '-1' }, text),
    actions.length ? h('div', { class: 'actions' }, actions) : null);
}

export function section(title, ...children) {
  const id = uid('sec');
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), children);
}

/** A message box: kind 'error' (role alert), 'ok' or 'info' (role status). */
export function notice(kind, ...children) {
  return h('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, children);
}

export function formatDate(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

// ---------------------------------------------------------------------------------------------------------
// Forms. A field's name is the API's own field name (store[currency], transfer[points], code): values() builds
// the request body from the names (brackets nest), and showErrors() puts each API error next to the field
// whose name it gives.

/**
 * A labelled field. spec: {name, label, type (text, number, email, date, datetime-local, select, textarea,
 * checkbox, file, password, lines), options [[value, label]] for selects, required, value, hint, min, max,
 * step, multiple, accept, placeholder, autocomplete}. "lines" is a textarea sent as an array of its non-blank
 * lines.
 */
export function field(spec) {
  const id = uid('field');
  const hintId = spec.hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  const common = {
    id, name: spec.name, required: spec.required, 'aria-describedby': describedBy,
    dataset: { kind: spec.type || 'text' }, placeholder: spec.placeholder, autocomplete: spec.autocomplete,
  };
  let control;
  if (spec.type === 'select') {
    control = h('select', { ...common, multiple: spec.multiple },
      (spec.options || []).map(([value, label]) => h('option', { value, selected: optionSelected(spec, value) }, label)));
  } else if (spec.type === 'textarea' || spec.type === 'lines') {
    control = h('textarea', { ...common, rows: spec.rows || 4 });
    if (spec.value !== undefined) control.value = Array.isArray(spec.value) ? spec.value.join('\n') : spec.value;
  } else if (spec.type === 'checkbox') {
    control = h('input', { ...common, type: 'checkbox', checked: Boolean(spec.value) });
  } else {
    control = h('input', {
      ...common, type: spec.type || 'text', value: spec.value, min: spec.min, max: spec.max,
      step: spec.step, accept: spec.accept, multiple: spec.multiple,
    });
  }
  const label = h('label', { for: id }, spec.label, spec.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null);
  const wrapper = h('div', { class: `field field-${spec.type || 'text'}`, dataset: { field: spec.name } },
    spec.type === 'checkbox' ? [control, label] : [label, control],
    spec.hint ? h('p', { class: 'hint', id: hintId }, spec.hint) : null,
    h('p', { class: 'field-error', id: errorId, hidden: true }));
  return wrapper;
}

function optionSelected(spec, value) {
  if (spec.value === undefined || spec.value === null) return false;
  return Array.isArray(spec.value) ? spec.value.map(String).includes(String(value)) : String(spec.value) === String(value);
}

/** A group of fields under a legend (a fieldset), e.g. a rule type's own fields. */
export function fieldset(legend, ...fields) {
  return h('fieldset', {}, h('legend', {}, legend), fields);
}

/**
 * A form that sends itself: onSubmit(values, form) runs on submit (Enter or the button) with the body built
 * from the field names; an ApiError it throws is shown field by field; anything it returns that is a Node is
 * shown under the form. The submit button is disabled while the call runs, so a double click sends once.
 */
export function form({ fields, submitLabel = 'Save', onSubmit, extra, label }) {
  const result = h('div', { class: 'form-result' });
  const general = h('div', { class: 'form-errors', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, submitLabel);
  const el = h('form', { class: 'form', novalidate: true, 'aria-label': label }, general, fields, extra,
    h('div', { class: 'form-actions' }, submit), result);
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(el);
    result.replaceChildren();
    submit.disabled = true;
    el.setAttribute('aria-busy', 'true');
    try {
      const shown = await onSubmit(values(el), el);
      if (shown instanceof Node) result.replaceChildren(shown);
    } catch (e) {
      showErrors(el, e);
    } finally {
      submit.disabled = false;
      el.removeAttribute('aria-busy');
    }
  });
  return el;
}

/** The form's values as a request body: "a[b]" nests, empty fields are left out, numbers are numbers. */
export function values(formEl) {
  const out = {};
  for (const control of formEl.querySelectorAll('input[name], select[name], textarea[name]')) {
    if (control.disabled || control.closest('[hidden]')) continue;
    const kind = control.dataset.kind;
    let value;
    if (kind === 'checkbox') value = control.checked;
    else if (kind === 'file') value = control.files && control.files.length ? control.files[0] : undefined;
    else if (control.tagName === 'SELECT' && control.multiple) value = [...control.selectedOptions].map((o) => o.value);
    else if (kind === 'lines') value = control.value.split('\n').map((l) => l.trim()).filter(Boolean);
    else if (kind === 'number') value = control.value.trim() === '' ? undefined : Number(control.value);
    else if (kind === 'datetime-local') value = control.value ? new Date(control.value).toISOString() : undefined;
    else value = control.value.trim() === '' ? undefined : control.value.trim();
    if (value === undefined) continue;
    setPath(out, control.name, value);
  }
  return out;
}

function setPath(target, name, value) {
  const keys = name.replace(/\]/g, '').split('[');
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key];
  });
  node[keys[keys.length - 1]] = value;
}

export function clearErrors(formEl) {
  formEl.querySelectorAll('.field-error').forEach((p) => { p.textContent = ''; p.hidden = true; });
  formEl.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
  const general = formEl.querySelector('.form-errors');
  if (general) general.replaceChildren();
}

/**
 * Shows an error on a form: each {field, message} of an ApiError next to the field of that name (or of the
 * same last name part: "campaign[name]" finds "name"), the rest, and the message itself when no field took
 * it, at the top. Focus moves to the first field in error.
 */
export function showErrors(formEl, error) {
  const general = formEl.querySelector('.form-errors');
  const apiErrors = error instanceof ApiError ? error.errors : [];
  const leftOver = [];
  let first = null;
  for (const { field: name, message } of apiErrors) {
    const wrapper = findField(formEl, name);
    if (!wrapper) { leftOver.push(name ? `${name}: ${message}` : message); continue; }
    const p = wrapper.querySelector('.field-error');
    p.textContent = p.textContent ? `${p.textContent} ${message}` : message;
    p.hidden = false;
    const control = wrapper.querySelector('input, select, textarea');
    control.setAttribute('aria-invalid', 'true');
    first = first || control;
  }
  if (!apiErrors.length || leftOver.length) {
    general.replaceChildren(h('p', {}, error.message || String(error)),
      leftOver.length ? h('ul', {}, leftOver.map((m) => h('li', {}, m))) : null);
  }
  if (first) first.focus();
  else general.focus?.();
  announce(`Not saved: ${error.message || error}`);
}

function findField(formEl, name) {
  if (!name) return null;
  const all = [...formEl.querySelectorAll('.field[data-field]')].filter((w) => !w.closest('[hidden]'));
  const exact = all.find((w) => w.dataset.field === name);
  if (exact) return exact;
  const last = (n) => n.replace(/\]/g, '').split(/[[.]/).filter((p) => !/^\d+$/.test(p)).pop();
  return all.find((w) => last(w.dataset.field) === last(name)) || null;
}

// ---------------------------------------------------------------------------------------------------------
// Tables, actions, progress, downloads.

/**
 * A table. columns: [{label, value: row => text or Node, class}]; rows: objects. caption names it for screen
 * readers. An empty list shows `empty` instead.
 */
export function table({ caption, columns, rows, empty = 'Nothing yet.' }) {
  if (!rows || rows.length === 0) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'table-wrap' }, h('table', {},
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => h('td', { class: c.class }, cell(c.value(row)))))))));
}

function cell(value) {
  if (value === undefined || value === null) return '';
  if (value instanceof Node) return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** A button that runs an async action, disabled while it runs, with any error shown beside it. */
export function actionButton(label, action, { kind = 'secondary', confirmText } = {}) {
  const status = h('span', { class: 'action-status', role: 'status' });
  const button = h('button', { type: 'button', class: kind }, label);
  button.addEventListener('click', async () => {
    if (confirmText && !window.confirm(confirmText)) return;
    button.disabled = true;
    status.textContent = '';
    status.classList.remove('error');
    try {
      const text = await action();
      if (typeof text === 'string') status.textContent = text;
    } catch (e) {
      status.textContent = e.message || String(e);
      status.classList.add('error');
    } finally {
      button.disabled = false;
    }
  });
  return h('span', { class: 'action' }, button, status);
}

/** A progress bar for long work: set(done, total) and finish(text). */
export function progress(label) {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': label });
  const text = h('span', { class: 'progress-text' }, '');
  const el = h('div', { class: 'progress', role: 'status', 'aria-live': 'polite' }, h('span', {}, label, ' '), bar, text);
  return {
    el,
    set(done, total) {
      bar.max = Math.max(total || 1, 1);
      bar.value = Math.min(done, bar.max);
      text.textContent = total ? ` ${done.toLocaleString()} of ${total.toLocaleString()}` : ` ${done.toLocaleString()}`;
    },
    finish(message) {
      bar.value = bar.max;
      text.textContent = ` ${message}`;
      el.classList.add('done');
    },
  };
}

/** Saves text as a file, made in the page (no request): a CSV of generated codes, an export. */
export function downloadText(fileName, text, type = 'text/csv') {
  downloadBlob(fileName, new Blob([text], { type }));
}

export function downloadBlob(fileName, blob) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** One CSV line per row, quoted where needed (RFC 4180); a leading =,+,-,@ is kept from spreadsheets' formulas. */
export function csv(header, rows) {
  const quote = (v) => {
    let s = v === undefined || v === null ? '' : String(v);
    if (typeof v === 'string' && /^[=+\-@]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/**
 * A definition list of [label, value] pairs (values are text, booleans or Nodes, as table cells): a pair whose
 * value is undefined is left out, a null or empty value shows as a dash.
 */
export function facts(pairs, testId) {
  return h('dl', { class: 'facts', 'data-test': testId },
    pairs.filter(([, value]) => value !== undefined).map(([label, value]) => [h('dt', {}, label),
      h('dd', {}, value === null || value === '' ? '—' : cell(value))]));
}
