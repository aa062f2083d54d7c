// The data the Function Details panel shows is what the per-line computation gives (@linescope/lines, shared with
// the CLI and the MCP server): the panel names it from here, like the rest of its model.
export type { FunctionDetails, FunctionVersion, LineCost, SourceVersion, Truncation } from '@linescope/lines';
