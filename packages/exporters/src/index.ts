export * from './types';
export * from './formats';
export { writeCytoscapeJson, CYTOSCAPE_JSON_GENERATOR, type JsonOptions } from './cytoscape-json';
export { writeGraphml, GRAPHML_NS } from './graphml';
export { writeGexf, GEXF_NS } from './gexf';
export { writeCsvZip, isReiterable, type CsvOptions } from './csv';
export { writeCypher, cypherString, cypherLiteral, type CypherOptions } from './cypher';
export { renderReportHtml, writeReportHtml, checkReportSize, ReportTooLargeError, REPORT_LIMITS } from './report';
export {
  renderFigureSvg,
  renderFigureDocument,
  writeFigureSvg,
  layoutPositions,
  FIGURE_BACKGROUNDS,
  type FigureOptions,
  type FigureBackground,
  type Figure,
} from './figure';
export { parseExport, parseCytoscapeJson, parseGraphml, ImportError } from './import';
export { collectText, collectBytes, materialise, ExportInputError } from './stream';
export { NODE_FIELDS, edgeFields, relationInterval } from './fields';
