import type { Graph } from "../views/types.js";

function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The actor network as GEXF 1.3 (Gephi), edge evidence as an attribute. */
export function toGexf(graph: Graph): string {
  const nodes = graph.nodes.map(
    (n) =>
      `      <node id="${xml(n.id)}" label="${xml(n.name)}"><attvalues><attvalue for="type" value="${n.type}"/><attvalue for="mentions" value="${n.mentions}"/></attvalues></node>`,
  );
  const edges = graph.edges.map(
    (e, i) =>
      `      <edge id="${i}" source="${xml(e.source)}" target="${xml(e.target)}" label="${xml(e.type)}" weight="${e.evidence.length}"><attvalues><attvalue for="evidence" value="${xml(e.evidence.map((c) => `${c.document.path}:${c.start}-${c.end} ${c.quote}`).join(" | "))}"/></attvalues></edge>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="type" title="type" type="string"/><attribute id="mentions" title="mentions" type="integer"/></attributes>
    <attributes class="edge"><attribute id="evidence" title="evidence" type="string"/></attributes>
    <nodes>
${nodes.join("\n")}
    </nodes>
    <edges>
${edges.join("\n")}
    </edges>
  </graph>
</gexf>
`;
}

/** The actor network as GraphML, edge evidence as a data key. */
export function toGraphml(graph: Graph): string {
  const nodes = graph.nodes.map(
    (n) => `    <node id="${xml(n.id)}"><data key="name">${xml(n.name)}</data><data key="type">${n.type}</data></node>`,
  );
  const edges = graph.edges.map(
    (e) =>
      `    <edge source="${xml(e.source)}" target="${xml(e.target)}"><data key="relation">${xml(e.type)}</data><data key="evidence">${xml(e.evidence.map((c) => `${c.document.path}:${c.start}-${c.end} ${c.quote}`).join(" | "))}</data></edge>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>
  <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>
  <graph edgedefault="directed">
${nodes.join("\n")}
${edges.join("\n")}
  </graph>
</graphml>
`;
}
