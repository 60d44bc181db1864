// The filter panel: its lists load only when it opens (or the address names a filter), and a
// ticked box narrows the session's search.
import { activeFilters, FILTER_KEYS, type FilterKey } from './state.ts';
import type { SearchSession } from './session.ts';

const LABELS: Record<FilterKey, string> = { topic: 'Topic', year: 'Year', organization: 'Organization', code: 'Code', hub: 'On the Hub', author: 'Author' };

function filterGroup(key: FilterKey, values: Record<string, number>, chosen: readonly string[]): HTMLFieldSetElement {
  const fieldset = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = LABELS[key];
  fieldset.append(legend);
  const sorted = Object.entries(values).sort(([a, x], [b, y]) => (key === 'year' ? b.localeCompare(a) : y - x || a.localeCompare(b)));
  const options = document.createElement('div');
  options.className = `filter-options filter-${key}`;
  for (const [value, papers] of sorted) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = key;
    box.value = value;
    box.checked = chosen.includes(value);
    label.append(box, ` ${value} `);
    // An author comes from the address alone, with no count of their papers at hand.
    if (key !== 'author') {
      const count = document.createElement('span');
      count.className = 'muted';
      count.textContent = `(${papers.toLocaleString('en-GB')})`;
      label.append(count);
    }
    options.append(label);
  }
  fieldset.append(options);
  return fieldset;
}

export function filtersView(session: SearchSession, elements: { panel: HTMLDetailsElement; groups: HTMLElement; count: HTMLElement }): void {
  const { panel, groups, count } = elements;
  const showCount = (active: number) => (count.textContent = active ? ` (${active} on)` : '');
  let loaded = false;
  const load = async () => {
    if (loaded) return;
    loaded = true;
    const available = await session.filterValues();
    groups.replaceChildren(
      ...FILTER_KEYS.filter((key) => Object.keys(available[key] ?? {}).length).map((key) =>
        filterGroup(key, available[key]!, session.state.filters[key] ?? []),
      ),
    );
  };
  session.on((event) => {
    if (event.type === 'filters') showCount(event.active);
  });
  groups.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    void session.setFilter(box.name as FilterKey, box.value, box.checked);
  });
  panel.addEventListener('toggle', () => {
    if (panel.open) void load();
  });
  showCount(activeFilters(session.state.filters));
  // A filter named in the address loads the lists, so the boxes show what is applied.
  if (activeFilters(session.state.filters)) panel.open = true;
}
