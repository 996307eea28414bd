// Parse Mermaid files with Mermaid's own parser: `node mermaid_parse.mjs FILE...`.
// Prints "OK <file> <diagram type>" or "FAIL <file> <message>" per file.
import { JSDOM } from "jsdom";
import fs from "fs";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });
for (const file of process.argv.slice(2)) {
  try {
    const result = await mermaid.parse(fs.readFileSync(file, "utf8"));
    console.log("OK", file, result.diagramType);
  } catch (error) {
    console.log("FAIL", file, String(error.message || error).split("\n")[0]);
  }
}
