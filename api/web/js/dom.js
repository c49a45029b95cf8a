// Building DOM nodes without HTML strings: text is always text, never markup.

/** h('a', {href: '#/x', class: 'button'}, 'text', child…): an element with attributes and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'value') {
      element.value = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** The same for SVG elements. */
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `element`. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

let fieldCounter = 0;

/**
 * A labelled form field: {label, name, input (an element), hint}. The input gets an id, the label
 * points at it, and an error line (aria-live) sits below, which showFieldErrors fills.
 */
export function field({ label, name, input, hint }) {
  const id = input.id || `f-${name}-${++fieldCounter}`;
  input.id = id;
  input.name = name;
  const error = h('div', { class: 'error', id: `${id}-error`, 'aria-live': 'polite' });
  const described = [`${id}-error`];
  let hintNode = null;
  if (hint) {
    hintNode = h('div', { class: 'hint', id: `${id}-hint` }, hint);
    described.push(`${id}-hint`);
  }
  input.setAttribute('aria-describedby', described.join(' '));
  return h('div', { class: 'field', 'data-field': name }, h('label', { for: id }, label), input, hintNode, error);
}

/** Shows each {field, reason} next to its field in `form`; returns the reasons that found no field. */
export function showFieldErrors(form, errors) {
  clearFieldErrors(form);
  const unplaced = [];
  let first = null;
  for (const e of errors) {
    const box = form.querySelector(`[data-field="${CSS.escape(e.field)}"]`);
    if (!box) {
      unplaced.push(e);
      continue;
    }
    const line = box.querySelector('.error');
    line.textContent = line.textContent ? `${line.textContent}; ${e.reason}` : e.reason;
    const input = box.querySelector('input, select, textarea');
    input?.setAttribute('aria-invalid', 'true');
    first ??= input;
  }
  first?.focus();
  return unplaced;
}

export function clearFieldErrors(form) {
  for (const line of form.querySelectorAll('.field .error')) line.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

/** A table with a caption, head row and body rows inside a scrolling wrapper. */
export function table({ caption, head, rows, numeric = [] }) {
  return h('div', { class: 'table-wrap' },
    h('table', {},
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, head.map((text, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null }, text)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell, i) => h('td', {
        class: numeric.includes(i) ? 'num' : null,
        // On a phone each row is a card, each cell under its column's name.
        'data-label': head[i] || null,
      }, cell)))))));
}
