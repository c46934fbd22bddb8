/**
 * The interactive map: the same geometry as the static SVG (`buildMapModel`), drawn with
 * d3-selection, panned and zoomed with d3-zoom. Zoom moves the points and scales the theme
 * circles but keeps dots and text at screen size, and labels are placed again after every move,
 * so zooming in reveals labels that did not fit. A concept can be dragged; the layout stays the
 * seeded one until then.
 */
import { select } from 'd3-selection';
import type { Selection } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import type { ZoomBehavior, ZoomTransform } from 'd3-zoom';
import { isFragile, type LeximapResult } from '@leximap/core';
import { FONT_FAMILY } from '../../../packages/render/src/text-width.ts';
import { buildMapModel, placeMapLabels, refitThemes } from '../../../packages/render/src/map-model.ts';
import { conceptStability, stabilityText, themeStability } from './stability.ts';
import type { MapConcept, MapModel, MapTheme, MapView } from '../../../packages/render/src/map-model.ts';

export interface MapEvents {
  /** A concept was clicked or chosen with Enter; `add` when Shift was held (pair). */
  select(index: number, add: boolean): void;
  /** A link between two concepts was clicked. */
  pair(a: number, b: number): void;
}

export interface Highlight {
  selected: number | null;
  pair: [number, number] | null;
  path: number[];
  /** Concepts co-occurring with the selected one, with strength 0–1. */
  related: { concept: number; strength: number }[];
}

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
type Group = Selection<SVGGElement, unknown, null, undefined>;

const measureCache = new Map<string, number>();
let measureContext: CanvasRenderingContext2D | null = null;

/** Text width as the browser draws it (the static SVG uses the font's metrics instead). */
function measure(text: string, fontSize: number, bold: boolean): number {
  const key = `${fontSize}${bold ? 'b' : ''}${text}`;
  let width = measureCache.get(key);
  if (width === undefined) {
    measureContext ??= document.createElement('canvas').getContext('2d');
    if (!measureContext) return text.length * fontSize * 0.62;
    measureContext.font = `${bold ? 'bold ' : ''}${fontSize}px ${FONT_FAMILY}`;
    width = Math.ceil(measureContext.measureText(text).width) + 1;
    measureCache.set(key, width);
  }
  return width;
}

export class MapPanel {
  readonly svg: Svg;
  private readonly layers: Record<'themes' | 'links' | 'focus' | 'path' | 'concepts' | 'labels', Group>;
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private transform: ZoomTransform = zoomIdentity;
  private model: MapModel | null = null;
  private result: LeximapResult | null = null;
  private highlight: Highlight = { selected: null, pair: null, path: [], related: [] };
  /** Dragged concepts: result index → position in model pixels. */
  private readonly dragged = new Map<number, { x: number; y: number }>();
  private frame = 0;
  private size = { width: 0, height: 0 };

  constructor(
    private readonly container: HTMLElement,
    private readonly events: MapEvents,
  ) {
    this.svg = select(container)
      .append('svg')
      .attr('class', 'map')
      .attr('role', 'group')
      .attr('aria-label', 'Concept map: Tab moves through the concepts, Enter opens one, Shift+Enter adds it as a pair');
    const root = this.svg.append('g');
    this.layers = {
      themes: root.append('g').attr('class', 'themes'),
      links: root.append('g').attr('class', 'links'),
      focus: root.append('g').attr('class', 'focus-links'),
      path: root.append('g').attr('class', 'pathway'),
      concepts: root.append('g').attr('class', 'concepts'),
      labels: root.append('g').attr('class', 'labels').attr('aria-hidden', 'true'),
    };
    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.4, 10])
      .filter((event: Event) => {
        const target = event.target as Element | null;
        if (target?.closest('.concept, .link-hit')) return event.type === 'wheel';
        const mouse = event as MouseEvent;
        return (!mouse.ctrlKey || event.type === 'wheel') && !mouse.button;
      })
      .on('zoom', (event: { transform: ZoomTransform }) => {
        this.transform = event.transform;
        this.schedule();
      });
    this.svg.call(this.zoomBehavior);
    new ResizeObserver(() => this.resize()).observe(container);
  }

  /** Draws `result` as `view` shows it; keeps the zoom and dragged concepts. */
  show(result: LeximapResult, view: MapView): void {
    if (this.result !== result) {
      this.dragged.clear();
      this.transform = zoomIdentity;
      this.svg.call(this.zoomBehavior.transform, zoomIdentity);
    }
    this.result = result;
    this.view = view;
    this.rebuild();
  }

  private view: MapView | null = null;

  private rebuild(): void {
    if (!this.result || !this.view) return;
    const rect = this.container.getBoundingClientRect();
    this.size = { width: Math.max(320, rect.width), height: Math.max(240, rect.height) };
    this.svg.attr('viewBox', `0 0 ${this.size.width} ${this.size.height}`);
    const model = buildMapModel(this.result, this.view, { x0: 0, y0: 0, x1: this.size.width, y1: this.size.height });
    for (const c of model.concepts) {
      const moved = this.dragged.get(c.index);
      if (moved) {
        c.x = moved.x;
        c.y = moved.y;
      }
    }
    if (this.dragged.size > 0) refitThemes(model);
    this.model = model;
    this.draw();
  }

  setHighlight(highlight: Highlight): void {
    this.highlight = highlight;
    this.draw();
  }

  resize(): void {
    const rect = this.container.getBoundingClientRect();
    if (Math.abs(rect.width - this.size.width) < 1 && Math.abs(rect.height - this.size.height) < 1) return;
    this.dragged.clear();
    this.rebuild();
  }

  zoomBy(factor: number): void {
    this.svg.call(this.zoomBehavior.scaleBy, factor);
  }

  resetZoom(): void {
    this.dragged.clear();
    this.svg.call(this.zoomBehavior.transform, zoomIdentity);
    this.rebuild();
  }

  get themeCount(): number {
    return this.model?.themes.length ?? 0;
  }

  get conceptCount(): number {
    return this.model?.concepts.filter((c) => c.kind !== 'tag').length ?? 0;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** The model in screen pixels under the current zoom. */
  private screen(model: MapModel): MapModel {
    const t = this.transform;
    return {
      ...model,
      concepts: model.concepts.map((c) => ({ ...c, x: t.applyX(c.x), y: t.applyY(c.y) })),
      themes: model.themes.map((th) => ({ ...th, x: t.applyX(th.x), y: t.applyY(th.y), r: th.r * t.k })),
    };
  }

  private draw(): void {
    const model = this.model;
    const result = this.result;
    if (!model || !result) return;
    const view = this.screen(model);
    const { selected, pair, path, related } = this.highlight;
    const position = new Map<number, MapConcept>();
    for (const c of view.concepts) position.set(c.index, c);
    const active = new Set<number>();
    if (selected !== null) {
      active.add(selected);
      for (const r of related) active.add(r.concept);
    }
    if (pair) for (const p of pair) active.add(p);
    for (const p of path) active.add(p);
    const dim = active.size > 0;

    this.layers.themes
      .selectAll<SVGCircleElement, MapTheme>('circle.theme')
      .data(view.themes, (t) => String(t.parent))
      .join('circle')
      .attr('class', 'theme')
      .attr('data-theme', (t) => t.name)
      .attr('cx', (t) => t.x)
      .attr('cy', (t) => t.y)
      .attr('r', (t) => t.r)
      .attr('fill', (t) => t.colour)
      .attr('stroke', (t) => t.colour)
      .classed('fragile', (t) => isFragile(themeStability(result, t.parent, t.members)))
      .selectAll('title')
      .data((t) => {
        const text = stabilityText(themeStability(result, t.parent, t.members), 'theme');
        return text ? [`${t.name}: ${text}`] : [];
      })
      .join('title')
      .text((t) => t);

    // Keys are stored in the data: d3 also calls the key function on the old data of the nodes.
    const keyedLinks = view.links.map((l) => ({ ...l, key: `${view.concepts[l.a]!.index}-${view.concepts[l.b]!.index}` }));
    const links = this.layers.links
      .selectAll<SVGGElement, (typeof keyedLinks)[number]>('g.link')
      .data(keyedLinks, (l) => l.key)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'link');
        g.append('line').attr('class', 'link-line');
        g.append('line').attr('class', 'link-hit');
        return g;
      });
    links.each(function (l) {
      const a = view.concepts[l.a]!;
      const b = view.concepts[l.b]!;
      select(this)
        .selectAll('line')
        .attr('x1', a.x)
        .attr('y1', a.y)
        .attr('x2', b.x)
        .attr('y2', b.y);
      select(this)
        .select('.link-line')
        .attr('stroke-width', 0.6 + 2.4 * l.strength)
        .attr('stroke-opacity', dim ? 0.08 : 0.18 + 0.42 * l.strength);
    });
    links
      .select<SVGLineElement>('.link-hit')
      .on('click', (event: MouseEvent, l) => {
        event.stopPropagation();
        this.events.pair(view.concepts[l.a]!.index, view.concepts[l.b]!.index);
      })
      .selectAll('title')
      .data((l) => [l])
      .join('title')
      .text((l) => `${view.concepts[l.a]!.label} – ${view.concepts[l.b]!.label}: ${l.count} blocks together (click for quotes)`);

    const from = selected !== null ? position.get(selected) : undefined;
    this.layers.focus
      .selectAll<SVGLineElement, { concept: number; strength: number }>('line')
      .data(from ? related.filter((r) => position.has(r.concept)) : [], (r) => String(r.concept))
      .join('line')
      .attr('x1', from?.x ?? 0)
      .attr('y1', from?.y ?? 0)
      .attr('x2', (r) => position.get(r.concept)!.x)
      .attr('y2', (r) => position.get(r.concept)!.y)
      .attr('stroke-width', (r) => 1 + 4 * r.strength);

    const pathPoints = path.map((i) => position.get(i)).filter((c): c is MapConcept => c !== undefined);
    this.layers.path
      .selectAll<SVGPolylineElement, MapConcept[]>('polyline')
      .data(pathPoints.length > 1 ? [pathPoints] : [])
      .join('polyline')
      .attr('points', (points) => points.map((c) => `${c.x},${c.y}`).join(' '));

    const self = this;
    const dots = this.layers.concepts
      .selectAll<SVGGElement, MapConcept>('g.concept')
      .data(view.concepts, (c) => String(c.index))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'concept').attr('tabindex', 0).attr('role', 'button');
        g.append('path');
        g.append('title');
        g.on('keydown', function (event: KeyboardEvent, c) {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            self.events.select(c.index, event.shiftKey);
          }
        });
        g.on('pointerdown', function (event: PointerEvent, c) {
          self.startDrag(this, event, c.index);
        });
        return g;
      });
    dots
      .attr('data-index', (c) => c.index)
      .attr('data-kind', (c) => (c.kind === 'tag' ? 'tag' : 'concept'))
      .attr('data-label', (c) => c.label)
      .attr('aria-label', (c) => {
        const concept = result.concepts[c.index]!;
        const theme = c.theme >= 0 ? `, theme ${view.themes[c.theme]!.name}` : '';
        return `${c.kind === 'tag' ? `${c.category ?? 'tag'} ` : ''}${c.label}, ${concept.count} blocks${theme}`;
      })
      .attr('aria-pressed', (c) => String(c.index === selected || (pair?.includes(c.index) ?? false)))
      .classed('selected', (c) => c.index === selected || (pair?.includes(c.index) ?? false))
      .classed('dim', (c) => dim && !active.has(c.index))
      .classed('tag', (c) => c.kind === 'tag')
      .classed('fragile', (c) => isFragile(conceptStability(result, c.index)));
    dots
      .select('path')
      .attr('d', (c) =>
        c.kind === 'tag'
          ? `M${c.x} ${c.y - c.r}L${c.x + c.r} ${c.y}L${c.x} ${c.y + c.r}L${c.x - c.r} ${c.y}Z`
          : `M${c.x - c.r} ${c.y}a${c.r} ${c.r} 0 1 0 ${2 * c.r} 0a${c.r} ${c.r} 0 1 0 ${-2 * c.r} 0Z`,
      )
      .attr('fill', (c) => (c.kind === 'tag' ? '#ffffff' : c.colour));
    dots.select('title').text((c) => {
      const stability = stabilityText(conceptStability(result, c.index), 'concept');
      return `${c.label} (${result.concepts[c.index]!.count} blocks${stability ? `; ${stability}` : ''})`;
    });

    const labels = placeMapLabels(view, { measure }, { x0: 2, y0: 2, x1: this.size.width - 2, y1: this.size.height - 2 }).map((l) => ({
      ...l,
      key: `${l.of}${l.of === 'theme' ? view.themes[l.index]!.parent : view.concepts[l.index]!.index}`,
    }));
    this.layers.labels
      .selectAll<SVGTextElement, (typeof labels)[number]>('text')
      .data(labels, (l) => l.key)
      .join('text')
      .attr('x', (l) => l.box.x0)
      .attr('y', (l) => l.baseline)
      .attr('font-size', (l) => l.fontSize)
      .attr('class', (l) => {
        if (l.of === 'theme') return 'theme-label';
        const c = view.concepts[l.index]!;
        const on = !dim || active.has(c.index);
        return `${c.kind === 'tag' ? 'tag-label' : 'concept-label'}${on ? '' : ' dim'}${c.index === selected ? ' selected' : ''}`;
      })
      .attr('fill', (l) => (l.of === 'theme' ? view.themes[l.index]!.ink : null))
      .text((l) => l.text);
  }

  private startDrag(target: SVGGElement, event: PointerEvent, index: number): void {
    if (event.button !== 0 || !this.model) return;
    const model = this.model;
    const concept = model.concepts.find((c) => c.index === index);
    if (!concept) return;
    event.preventDefault();
    target.focus();
    const svg = this.svg.node()!;
    const startX = event.clientX;
    const startY = event.clientY;
    const origin = { x: concept.x, y: concept.y };
    let moved = false;
    const shift = event.shiftKey;
    target.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent): void => {
      const dx = e.clientX - startX;
      const dy = e.clientY - startY;
      if (!moved && Math.hypot(dx, dy) < 4) return;
      moved = true;
      const scale = svg.viewBox.baseVal.width / svg.getBoundingClientRect().width || 1;
      concept.x = origin.x + (dx * scale) / this.transform.k;
      concept.y = origin.y + (dy * scale) / this.transform.k;
      this.dragged.set(index, { x: concept.x, y: concept.y });
      refitThemes(model);
      this.schedule();
    };
    const up = (): void => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
      if (!moved) this.events.select(index, shift);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  }
}
