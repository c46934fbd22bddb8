/**
 * The layout toggle: Gaussian (√(−ln S)) or linear (1 − S) map distances. Switching lays the map
 * out again in the browser with core's `relayout`, which gives what `leximap analyze --layout
 * MODE` gives with the same seed; each mode's layout is kept, so switching back is instant.
 */
import { relayout, type LeximapResult } from '@leximap/core';
import { h } from './dom.ts';

type Mode = 'gaussian' | 'linear';

export interface LayoutToggle {
  element: HTMLElement;
  /** A result was opened: its own mode is selected, the layouts of the previous one are dropped. */
  reset(result: LeximapResult): void;
}

export function layoutToggle(onChange: (result: LeximapResult) => void): LayoutToggle {
  const select = h(
    'select',
    { id: 'layout-mode', disabled: true, title: 'Map distances from similarity S: Gaussian √(−ln S) or linear 1 − S' },
    h('option', { value: 'gaussian' }, 'Gaussian'),
    h('option', { value: 'linear' }, 'linear'),
  );
  const layouts = new Map<Mode, LeximapResult>();
  let current: LeximapResult | undefined;
  select.addEventListener('change', () => {
    if (!current) return;
    const mode = select.value as Mode;
    let next = layouts.get(mode);
    if (!next) layouts.set(mode, (next = relayout(current, mode)));
    current = next;
    onChange(next);
  });
  return {
    element: h('div', { class: 'slider' }, h('label', { for: 'layout-mode' }, 'Layout'), select),
    reset(result) {
      layouts.clear();
      layouts.set(result.layout.mode, result);
      current = result;
      select.value = result.layout.mode;
      select.disabled = false;
    },
  };
}
