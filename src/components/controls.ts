/**
 * Form controls in plain DOM (no Inputs library: it would be fetched from a CDN at build time). Each control has a
 * `value` property and dispatches "input" events, so pages use them with Framework's `view(control)`.
 */

export interface Choice {
  value: string;
  label: string;
  /** Options with the same group are shown under one <optgroup>/<fieldset> heading. */
  group?: string;
}

let uid = 0;
const nextId = (prefix: string) => `${prefix}-${++uid}`;

export type ValueElement<T> = HTMLElement & {value: T};

/**
 * Make a fieldset a control: its inner inputs' events are replaced by one "input" event on the fieldset after
 * each change (listeners run in order, so a change handler registered earlier has already normalised the value).
 */
function asControl<T>(fs: HTMLElement, get: () => T): ValueElement<T> {
  fs.addEventListener("change", () => fs.dispatchEvent(new Event("input", {bubbles: true})));
  // Capture phase: inner inputs' own "input" events never reach listeners on the fieldset.
  fs.addEventListener("input", (e) => {
    if (e.target !== fs) e.stopPropagation();
  }, true);
  Object.defineProperty(fs, "value", {get});
  return fs as unknown as ValueElement<T>;
}

/** A labelled <select>. */
export function Select(opts: {label: string; options: readonly Choice[]; value: string; name: string}): ValueElement<string> {
  const wrap = document.createElement("div");
  wrap.className = "control control-select";
  const id = nextId(opts.name);
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = opts.label;
  const select = document.createElement("select");
  select.id = id;
  select.name = opts.name;
  const groups = new Map<string, HTMLElement>();
  for (const o of opts.options) {
    const option = new Option(o.label, o.value, false, o.value === opts.value);
    if (o.group) {
      let g = groups.get(o.group);
      if (!g) {
        g = document.createElement("optgroup");
        (g as HTMLOptGroupElement).label = o.group;
        select.append(g);
        groups.set(o.group, g);
      }
      g.append(option);
    } else select.append(option);
  }
  select.value = opts.value;
  wrap.append(label, select);
  select.addEventListener("change", () => wrap.dispatchEvent(new Event("input", {bubbles: true})));
  // Stop the select's own input event: the wrapper's event carries the value.
  select.addEventListener("input", (e) => e.stopPropagation());
  Object.defineProperty(wrap, "value", {get: () => select.value, set: (v: string) => void (select.value = v)});
  return wrap as unknown as ValueElement<string>;
}

/** A fieldset of checkboxes (several choices), grouped under small headings. */
export function Checkboxes(opts: {legend: string; options: readonly Choice[]; value: readonly string[]; name: string}): ValueElement<string[]> {
  const fs = document.createElement("fieldset");
  fs.className = "control control-checkboxes";
  const legend = document.createElement("legend");
  legend.textContent = opts.legend;
  fs.append(legend);
  const boxes: HTMLInputElement[] = [];
  const groups = new Map<string, HTMLElement>();
  for (const o of opts.options) {
    let parent: HTMLElement = fs;
    if (o.group) {
      let g = groups.get(o.group);
      if (!g) {
        g = document.createElement("div");
        g.className = "checkbox-group";
        const h = document.createElement("div");
        h.className = "checkbox-group-title";
        h.textContent = o.group;
        g.append(h);
        fs.append(g);
        groups.set(o.group, g);
      }
      parent = g;
    }
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = opts.name;
    box.value = o.value;
    box.checked = opts.value.includes(o.value);
    label.append(box, ` ${o.label}`);
    parent.append(label);
    boxes.push(box);
  }
  return asControl(fs, () => boxes.filter((b) => b.checked).map((b) => b.value));
}

/** A row of radio buttons (one choice among few, e.g. sex). */
export function Radios(opts: {legend: string; options: readonly Choice[]; value: string; name: string}): ValueElement<string> {
  const fs = document.createElement("fieldset");
  fs.className = "control control-radios";
  const legend = document.createElement("legend");
  legend.textContent = opts.legend;
  fs.append(legend);
  const radios: HTMLInputElement[] = [];
  const group = nextId(opts.name);
  for (const o of opts.options) {
    const label = document.createElement("label");
    const r = document.createElement("input");
    r.type = "radio";
    r.name = group;
    r.value = o.value;
    r.checked = o.value === opts.value;
    label.append(r, ` ${o.label}`);
    fs.append(label);
    radios.push(r);
  }
  return asControl(fs, () => radios.find((r) => r.checked)?.value ?? opts.value);
}

/** Two selects, from year and to year; value is [from, to] with from ≤ to. */
export function YearRange(opts: {label: string; years: readonly number[]; value: [number, number]; name: string}): ValueElement<[number, number]> {
  const fs = document.createElement("fieldset");
  fs.className = "control control-years";
  const legend = document.createElement("legend");
  legend.textContent = opts.label;
  fs.append(legend);
  const mk = (text: string, v: number) => {
    const id = nextId(opts.name);
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = text;
    const s = document.createElement("select");
    s.id = id;
    for (const y of opts.years) s.append(new Option(String(y), String(y), false, y === v));
    s.value = String(v);
    fs.append(label, s);
    return s;
  };
  const from = mk("Från", opts.value[0]);
  const to = mk("till", opts.value[1]);
  fs.addEventListener("change", () => {
    if (Number(from.value) > Number(to.value)) [from.value, to.value] = [to.value, from.value];
  });
  return asControl(fs, (): [number, number] => [Number(from.value), Number(to.value)]);
}
