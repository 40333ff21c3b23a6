//! The analysis graphs as files other tools open: GraphML (networkx, Cytoscape, Gephi),
//! GEXF 1.2 (Gephi, networkx), DOT (Graphviz) and CSV node and edge lists.
//!
//! Every format carries the same attributes: on nodes the label, kind (`official` or
//! `zone`), IRI, an official's zone and posts; on edges the weight, the kind of fact
//! (`post`, `meeting`, `official`), what it is (post titles, meeting names) and the dates
//! it was seen. Node ids are `n<index>`.

use super::facts::Facts;
use super::graphs::{EdgeData, GraphKind, KgGraph, NodeData, NodeKind};
use super::AnalyzeError;
use oxigraph::store::Store;
use petgraph::visit::EdgeRef;
use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    GraphMl,
    Gexf,
    Dot,
    /// `nodes.csv` and `edges.csv` in a directory.
    Csv,
}

impl GraphFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            GraphFormat::GraphMl => "graphml",
            GraphFormat::Gexf => "gexf",
            GraphFormat::Dot => "dot",
            GraphFormat::Csv => "csv",
        }
    }
}

/// Loads the facts from `store`, builds graph `kind` and writes it; see [`export`].
pub fn export_from_store(
    store: &Store,
    kind: GraphKind,
    format: GraphFormat,
    out: Option<&Path>,
) -> Result<Vec<PathBuf>, AnalyzeError> {
    let facts = Facts::load_relations(store)?;
    let g = kind.build(&facts);
    Ok(export(&g, kind.as_str(), format, out)?)
}

/// Writes `g` in `format`: to the file `out`, or stdout when `None`; CSV writes
/// `nodes.csv` and `edges.csv` into the directory `out` (default: the current one).
/// Returns the files written.
pub fn export(
    g: &KgGraph,
    name: &str,
    format: GraphFormat,
    out: Option<&Path>,
) -> io::Result<Vec<PathBuf>> {
    if format == GraphFormat::Csv {
        let dir = out.unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let (nodes, edges) = (dir.join("nodes.csv"), dir.join("edges.csv"));
        let mut w = io::BufWriter::new(std::fs::File::create(&nodes)?);
        write_nodes_csv(g, &mut w)?;
        w.flush()?;
        let mut w = io::BufWriter::new(std::fs::File::create(&edges)?);
        write_edges_csv(g, &mut w)?;
        w.flush()?;
        return Ok(vec![nodes, edges]);
    }
    match out {
        Some(path) => {
            let mut w = io::BufWriter::new(std::fs::File::create(path)?);
            write(g, name, format, &mut w)?;
            w.flush()?;
            Ok(vec![path.to_path_buf()])
        }
        None => {
            let stdout = io::stdout();
            let mut w = io::BufWriter::new(stdout.lock());
            write(g, name, format, &mut w)?;
            w.flush()?;
            Ok(Vec::new())
        }
    }
}

/// Writes a single-file format; CSV writes the node list then, after a blank line, the
/// edge list.
pub fn write(g: &KgGraph, name: &str, format: GraphFormat, w: &mut dyn Write) -> io::Result<()> {
    match format {
        GraphFormat::GraphMl => write_graphml(g, w),
        GraphFormat::Gexf => write_gexf(g, name, w),
        GraphFormat::Dot => write_dot(g, name, w),
        GraphFormat::Csv => {
            write_nodes_csv(g, w)?;
            writeln!(w)?;
            write_edges_csv(g, w)
        }
    }
}

/// The attributes every format writes, as strings.
struct Attrs;

impl Attrs {
    const NODE: [&'static str; 5] = ["label", "kind", "iri", "zone", "posts"];
    const EDGE: [&'static str; 3] = ["kind", "detail", "dates"];

    fn node(n: &NodeData) -> [String; 5] {
        [
            n.label.clone(),
            n.kind.as_str().to_string(),
            n.key.clone(),
            n.zone.clone().unwrap_or_default(),
            n.posts.join("；"),
        ]
    }

    fn edge(e: &EdgeData) -> [String; 3] {
        let kinds: BTreeSet<&str> = e.links.iter().map(|l| l.kind()).collect();
        let mut details: Vec<String> = e.links.iter().map(|l| l.describe()).collect();
        details.dedup();
        let dates: BTreeSet<String> = e.links.iter().flat_map(|l| l.dates()).collect();
        [
            kinds.into_iter().collect::<Vec<_>>().join(";"),
            details.join("；"),
            dates.into_iter().collect::<Vec<_>>().join(";"),
        ]
    }
}

/// XML text: markup characters escaped, characters XML 1.0 forbids dropped.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A weight as written: integral weights without a fractional part.
fn number(v: f64) -> String {
    format!("{v}")
}

fn write_graphml(g: &KgGraph, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for a in Attrs::NODE {
        writeln!(
            w,
            r#"  <key id="n_{a}" for="node" attr.name="{a}" attr.type="string"/>"#
        )?;
    }
    writeln!(
        w,
        r#"  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>"#
    )?;
    for a in Attrs::EDGE {
        writeln!(
            w,
            r#"  <key id="e_{a}" for="edge" attr.name="{a}" attr.type="string"/>"#
        )?;
    }
    writeln!(w, r#"  <graph id="G" edgedefault="undirected">"#)?;
    for n in g.node_indices() {
        writeln!(w, r#"    <node id="n{}">"#, n.index())?;
        for (a, v) in Attrs::NODE.iter().zip(Attrs::node(&g[n])) {
            writeln!(w, r#"      <data key="n_{a}">{}</data>"#, xml(&v))?;
        }
        writeln!(w, "    </node>")?;
    }
    for e in g.edge_references() {
        writeln!(
            w,
            r#"    <edge id="e{}" source="n{}" target="n{}">"#,
            e.id().index(),
            e.source().index(),
            e.target().index()
        )?;
        writeln!(
            w,
            r#"      <data key="e_weight">{}</data>"#,
            number(e.weight().weight)
        )?;
        for (a, v) in Attrs::EDGE.iter().zip(Attrs::edge(e.weight())) {
            writeln!(w, r#"      <data key="e_{a}">{}</data>"#, xml(&v))?;
        }
        writeln!(w, "    </edge>")?;
    }
    writeln!(w, "  </graph>\n</graphml>")
}

fn write_gexf(g: &KgGraph, name: &str, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">"#
    )?;
    writeln!(
        w,
        "  <meta>\n    <creator>zonekg</creator>\n    <description>{} graph</description>\n  </meta>",
        xml(name)
    )?;
    writeln!(w, r#"  <graph mode="static" defaultedgetype="undirected">"#)?;
    writeln!(w, r#"    <attributes class="node">"#)?;
    // `label` is the node's own GEXF attribute, not a declared one.
    for (i, a) in Attrs::NODE.iter().enumerate().skip(1) {
        writeln!(
            w,
            r#"      <attribute id="{i}" title="{a}" type="string"/>"#
        )?;
    }
    writeln!(w, "    </attributes>\n    <attributes class=\"edge\">")?;
    for (i, a) in Attrs::EDGE.iter().enumerate() {
        writeln!(
            w,
            r#"      <attribute id="{i}" title="{a}" type="string"/>"#
        )?;
    }
    writeln!(w, "    </attributes>\n    <nodes>")?;
    for n in g.node_indices() {
        let attrs = Attrs::node(&g[n]);
        writeln!(
            w,
            r#"      <node id="n{}" label="{}">"#,
            n.index(),
            xml(&attrs[0])
        )?;
        writeln!(w, "        <attvalues>")?;
        for (i, v) in attrs.iter().enumerate().skip(1) {
            writeln!(w, r#"          <attvalue for="{i}" value="{}"/>"#, xml(v))?;
        }
        writeln!(w, "        </attvalues>\n      </node>")?;
    }
    writeln!(w, "    </nodes>\n    <edges>")?;
    for e in g.edge_references() {
        writeln!(
            w,
            r#"      <edge id="e{}" source="n{}" target="n{}" weight="{}">"#,
            e.id().index(),
            e.source().index(),
            e.target().index(),
            number(e.weight().weight)
        )?;
        writeln!(w, "        <attvalues>")?;
        for (i, v) in Attrs::edge(e.weight()).iter().enumerate() {
            writeln!(w, r#"          <attvalue for="{i}" value="{}"/>"#, xml(v))?;
        }
        writeln!(w, "        </attvalues>\n      </edge>")?;
    }
    writeln!(w, "    </edges>\n  </graph>\n</gexf>")
}

/// A DOT double-quoted string.
fn dot_str(s: &str) -> String {
    format!(
        "\"{}\"",
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
    )
}

fn write_dot(g: &KgGraph, name: &str, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "graph {} {{", dot_str(name))?;
    // A generic family lets fontconfig pick whatever installed font has CJK glyphs.
    writeln!(
        w,
        "  graph [overlap=false, fontname=\"sans-serif\", rankdir=LR];"
    )?;
    writeln!(w, "  node [fontname=\"sans-serif\", fontsize=11];")?;
    writeln!(
        w,
        "  edge [fontname=\"sans-serif\", fontsize=9, color=gray40];"
    )?;
    for n in g.node_indices() {
        let d = &g[n];
        let a = Attrs::node(d);
        let style = match d.kind {
            NodeKind::Official => "shape=ellipse",
            NodeKind::Zone => "shape=box, style=\"rounded,filled\", fillcolor=lightsteelblue",
        };
        writeln!(
            w,
            "  n{} [label={}, kind={}, iri={}, zone={}, posts={}, {style}];",
            n.index(),
            dot_str(&a[0]),
            dot_str(&a[1]),
            dot_str(&a[2]),
            dot_str(&a[3]),
            dot_str(&a[4]),
        )?;
    }
    for e in g.edge_references() {
        let a = Attrs::edge(e.weight());
        let weight = e.weight().weight;
        // Many links on one edge make a long label; name the count instead.
        let label = if e.weight().links.len() <= 2 {
            a[1].clone()
        } else {
            format!("×{}", e.weight().links.len())
        };
        writeln!(
            w,
            "  n{} -- n{} [label={}, weight={}, penwidth={}, kind={}, detail={}, dates={}];",
            e.source().index(),
            e.target().index(),
            dot_str(&label),
            weight.round().max(1.0),
            number((1.0 + weight.ln()).max(1.0)),
            dot_str(&a[0]),
            dot_str(&a[1]),
            dot_str(&a[2]),
        )?;
    }
    writeln!(w, "}}")
}

fn write_nodes_csv(g: &KgGraph, w: &mut dyn Write) -> io::Result<()> {
    use super::table::csv_field;
    writeln!(w, "id,{}", Attrs::NODE.join(","))?;
    for n in g.node_indices() {
        let cells: Vec<String> = Attrs::node(&g[n]).iter().map(|c| csv_field(c)).collect();
        writeln!(w, "n{},{}", n.index(), cells.join(","))?;
    }
    Ok(())
}

fn write_edges_csv(g: &KgGraph, w: &mut dyn Write) -> io::Result<()> {
    use super::table::csv_field;
    writeln!(w, "source,target,weight,{}", Attrs::EDGE.join(","))?;
    for e in g.edge_references() {
        let cells: Vec<String> = Attrs::edge(e.weight())
            .iter()
            .map(|c| csv_field(c))
            .collect();
        writeln!(
            w,
            "n{},n{},{},{}",
            e.source().index(),
            e.target().index(),
            number(e.weight().weight),
            cells.join(",")
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::graphs::{leadership, tests::sample};

    fn render(format: GraphFormat) -> String {
        let g = leadership(&sample());
        let mut buf = Vec::new();
        write(&g, "leadership", format, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn graphml_has_every_node_and_edge() {
        let s = render(GraphFormat::GraphMl);
        assert_eq!(s.matches("<node ").count(), 5);
        assert_eq!(s.matches("<edge ").count(), 4);
        assert!(s.contains(r#"<data key="e_weight">1</data>"#));
        assert!(s.contains("党工委书记"));
    }

    #[test]
    fn gexf_and_dot_and_csv() {
        let s = render(GraphFormat::Gexf);
        assert_eq!(s.matches("<node ").count(), 5);
        assert!(s.contains(r#"defaultedgetype="undirected""#));
        let s = render(GraphFormat::Dot);
        assert_eq!(s.matches(" -- ").count(), 4);
        assert!(s.starts_with("graph \"leadership\" {"));
        let s = render(GraphFormat::Csv);
        assert!(s.starts_with("id,label,kind,iri,zone,posts\n"));
        assert!(s.contains("\nsource,target,weight,kind,detail,dates\n"));
    }

    #[test]
    fn xml_escapes_and_drops_control_characters() {
        assert_eq!(xml("a<b>&\"c\u{1f}"), "a&lt;b&gt;&amp;&quot;c");
    }
}
