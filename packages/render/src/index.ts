export { renderSvg, methodLine, fitText } from './svg.ts';
export { renderPng, withDpi } from './png.ts';
export { renderHtml, viewerAssets } from './html.ts';
export { renderMapFiles } from './map-files.ts';
export type { MapFiles } from './map-files.ts';
export { escapeXml, jsonForScript } from './escape.ts';
export { textWidth, FONT_FAMILY } from './text-width.ts';
export { placeLabels, AROUND } from './labels.ts';
export type { Box, Candidate, LabelOptions, LabelRequest } from './labels.ts';
export {
  buildMapModel,
  defaultView,
  dotRadius,
  placeMapLabels,
  refitThemes,
  shade,
  viewThemes,
  visibleConcepts,
  DEFAULT_LABEL_STYLE,
  enclose,
} from './map-model.ts';
export type { LabelStyle, MapConcept, MapLabel, MapLink, MapModel, MapTheme, MapView } from './map-model.ts';
export { PNG_DEFAULTS, SVG_DEFAULTS, mapTitle, resolvePngOptions, resolveSvgOptions } from './defaults.ts';
export type { HtmlOptions, PngOptions, SvgOptions } from './defaults.ts';
