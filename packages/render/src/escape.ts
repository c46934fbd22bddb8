/**
 * Escaping for every piece of text that comes from a transcript, a file name or a code name.
 * XML and HTML share the five entities; JSON inlined in a `<script>` element escapes `<`, `>`
 * and `&` as `\u003c` … so no `</script>` or `<!--` can end or change the element (HTML Living
 * Standard §4.12.1.3, "Restrictions for contents of script elements").
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an XML or HTML element or a quoted attribute. Drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A value as JSON that can sit inside `<script type="application/json">` unchanged. */
export function jsonForScript(value: unknown): string {
  return scriptSafeJson(JSON.stringify(value));
}

/** JSON text (already serialised) made safe inside `<script type="application/json">`; the same value once parsed. */
export function scriptSafeJson(json: string): string {
  // One pass over the JSON (tens of MB for a large result) instead of one per escaped character.
  return json.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c]!);
}

const SCRIPT_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };
