//! `zonekg analyze`: the structure behind the facts — centrality, paths, communities,
//! a zone's timeline, bridging officials — printed as a table, JSON or CSV.

use anyhow::Context as _;
use clap::ValueEnum;
use serde::Serialize;
use std::io::Write as _;
use std::process::ExitCode;
use zonekg::analyze::table::Table;
use zonekg::analyze::{bridges, centrality, communities, graphs, path, timeline};
use zonekg::analyze::{Facts, GraphKind};
use zonekg::store::KgStore;

/// Analyze the relationships in the knowledge graph.
///
/// Three graphs are built from the store: `leadership` (officials and zones, linked by
/// the posts officials hold), `meetings` (officials linked when they take part in the
/// same meeting, weighted by the number of meetings) and `zones` (zones linked by the
/// officials who hold posts in both). `zonekg export --format graphml|gexf|dot|csv`
/// writes them as files.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Degree, weighted degree, PageRank and betweenness of every node.
    Centrality {
        #[arg(long, value_enum, default_value_t = Graph::Leadership)]
        graph: Graph,
        /// Only the N highest by PageRank.
        #[arg(long, value_name = "N")]
        top: Option<usize>,
        #[command(flatten)]
        common: Common,
    },
    /// The shortest chain between two officials or zones, each hop explained.
    ///
    /// A and B are names (an official's, a zone's or a zone's short form); a name two
    /// officials share is written NAME@ZONE.
    Path {
        a: String,
        b: String,
        #[command(flatten)]
        common: Common,
    },
    /// Connected components and Louvain communities, with sizes and members.
    Communities {
        #[arg(long, value_enum, default_value_t = Graph::Leadership)]
        graph: Graph,
        #[command(flatten)]
        common: Common,
    },
    /// Who held each leading post of a zone when, and its goals beside their results.
    Timeline {
        /// The zone: its name, a short form, or part of its name.
        #[arg(long, value_name = "ZONE")]
        zone: String,
        #[command(flatten)]
        common: Common,
    },
    /// Officials who link several zones or bodies.
    Bridges {
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Debug, clap::Args)]
struct Common {
    /// Output: an aligned table, JSON, or CSV.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    #[command(flatten)]
    store: super::ingest::StoreArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Graph {
    Leadership,
    Meetings,
    Zones,
}

impl Graph {
    pub fn kind(self) -> GraphKind {
        match self {
            Graph::Leadership => GraphKind::Leadership,
            Graph::Meetings => GraphKind::Meetings,
            Graph::Zones => GraphKind::Zones,
        }
    }
}

fn open(common: &Common) -> anyhow::Result<KgStore> {
    Ok(KgStore::open_read_only(&common.store.dir)?)
}

/// What the graphs need: zones, officials, posts, meetings (no goals or results).
fn load(common: &Common) -> anyhow::Result<Facts> {
    Facts::load_relations(open(common)?.store()).context("cannot read the store")
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Command::Centrality { graph, top, common } => {
            let facts = load(&common)?;
            let g = graph.kind().build(&facts);
            let mut scores = centrality::centrality(&g);
            scores.truncate(top.unwrap_or(usize::MAX));
            let mut t = Table::new(&[
                "node",
                "kind",
                "degree",
                "weighted_degree",
                "pagerank",
                "betweenness",
            ]);
            for s in &scores {
                t.push(vec![
                    s.node.clone(),
                    s.kind.to_string(),
                    s.degree.to_string(),
                    s.weighted_degree.to_string(),
                    format!("{:.6}", s.pagerank),
                    format!("{:.6}", s.betweenness),
                ]);
            }
            let head = GraphHead::of(graph.kind(), &g);
            #[derive(Serialize)]
            struct Out<'a> {
                #[serde(flatten)]
                head: GraphHead,
                scores: &'a [centrality::Score],
            }
            print(
                common.format,
                Some(head.line()),
                &[t],
                &Out {
                    head: head.clone(),
                    scores: &scores,
                },
            )
        }
        Command::Path { a, b, common } => {
            let kg = open(&common)?;
            let facts = Facts::load_relations(kg.store()).context("cannot read the store")?;
            let g = graphs::combined(&facts);
            let (from, to) = (
                path::resolve(&g, &facts, &a)?,
                path::resolve(&g, &facts, &b)?,
            );
            let Some(mut hops) = path::shortest(&g, from, to) else {
                eprintln!("zonekg: {a} and {b} are not connected");
                return Ok(ExitCode::from(1));
            };
            facts
                .fill_sentences(kg.store(), hops.iter_mut().map(|h| &mut h.source))
                .context("cannot read the store")?;
            let mut t = Table::new(&[
                "hop", "from", "to", "kind", "via", "dates", "report", "sentence",
            ]);
            for (i, h) in hops.iter().enumerate() {
                let via = match h.also {
                    0 => h.via.clone(),
                    n => format!("{} (+{n})", h.via),
                };
                t.push(vec![
                    (i + 1).to_string(),
                    h.from.clone(),
                    h.to.clone(),
                    h.kind.to_string(),
                    via,
                    h.dates.join(" "),
                    h.source.report.clone(),
                    h.source.sentence.clone().unwrap_or_default(),
                ]);
            }
            #[derive(Serialize)]
            struct Out<'a> {
                from: &'a str,
                to: &'a str,
                hops: &'a [path::Hop],
            }
            let out = Out {
                from: &g[from].label,
                to: &g[to].label,
                hops: &hops,
            };
            print(common.format, None, &[t], &out)
        }
        Command::Communities { graph, common } => {
            let facts = load(&common)?;
            let g = graph.kind().build(&facts);
            let c = communities::communities(&g);
            let mut t = Table::new(&["grouping", "id", "size", "members"]);
            for (name, groups) in [("component", &c.components), ("community", &c.communities)] {
                for grp in groups {
                    t.push(vec![
                        name.to_string(),
                        grp.id.to_string(),
                        grp.size.to_string(),
                        grp.members.join("、"),
                    ]);
                }
            }
            let mut head = GraphHead::of(graph.kind(), &g);
            head.modularity = Some(c.modularity);
            #[derive(Serialize)]
            struct Out<'a> {
                #[serde(flatten)]
                head: GraphHead,
                #[serde(flatten)]
                communities: &'a communities::Communities,
            }
            print(
                common.format,
                Some(head.line()),
                &[t],
                &Out {
                    head: head.clone(),
                    communities: &c,
                },
            )
        }
        Command::Timeline { zone, common } => {
            let kg = open(&common)?;
            let mut facts = Facts::load_relations(kg.store()).context("cannot read the store")?;
            let z = timeline::find_zone(&facts, &zone)?;
            facts
                .load_indicators(kg.store(), Some(&z))
                .context("cannot read the store")?;
            let mut tl = timeline::timeline(&facts, &z);
            let sources = tl.posts.iter_mut().flat_map(|p| &mut p.holders);
            facts
                .fill_sentences(kg.store(), sources.map(|h| &mut h.source))
                .context("cannot read the store")?;
            let mut posts = Table::new(&[
                "post",
                "order",
                "official",
                "first_seen",
                "last_seen",
                "report",
            ]);
            for p in &tl.posts {
                for h in &p.holders {
                    posts.push(vec![
                        p.post.clone(),
                        h.order.to_string(),
                        h.official.clone(),
                        h.first_seen.clone().unwrap_or_default(),
                        h.last_seen.clone().unwrap_or_default(),
                        h.source.report.clone(),
                    ]);
                }
            }
            let mut goals = Table::new(&[
                "year",
                "indicator",
                "goal",
                "result",
                "verdict",
                "why",
                "result_report",
            ]);
            for c in &tl.goals {
                goals.push(vec![
                    c.year.map(|y| y.to_string()).unwrap_or_default(),
                    c.indicator.clone(),
                    c.goal.text.clone(),
                    c.achievement
                        .as_ref()
                        .map(|a| a.text.clone())
                        .unwrap_or_default(),
                    c.verdict.as_str().to_string(),
                    c.reason.clone(),
                    c.achievement
                        .as_ref()
                        .map(|a| a.source.report.clone())
                        .unwrap_or_default(),
                ]);
            }
            print(common.format, Some(tl.zone.clone()), &[posts, goals], &tl)
        }
        Command::Bridges { common } => {
            let facts = load(&common)?;
            let b = bridges::bridges(&facts);
            let mut t = Table::new(&[
                "official",
                "zones",
                "bodies",
                "meeting_zones",
                "betweenness",
                "articulation",
            ]);
            for x in &b {
                t.push(vec![
                    x.official.clone(),
                    x.zones.join("、"),
                    x.bodies.join("、"),
                    x.meeting_zones.join("、"),
                    format!("{:.6}", x.betweenness),
                    if x.articulation { "yes" } else { "" }.to_string(),
                ]);
            }
            print(common.format, None, &[t], &b)
        }
    }
}

/// What a graph-wide command says about its graph.
#[derive(Debug, Clone, Serialize)]
struct GraphHead {
    graph: &'static str,
    nodes: usize,
    edges: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    modularity: Option<f64>,
}

impl GraphHead {
    /// What a table of the graph is headed with, and a blank line.
    fn line(&self) -> String {
        let modularity = self
            .modularity
            .map(|q| format!(", modularity {q:.4}"))
            .unwrap_or_default();
        format!(
            "{} graph: {} nodes, {} edges{modularity}\n",
            self.graph, self.nodes, self.edges
        )
    }

    fn of(kind: GraphKind, g: &zonekg::analyze::KgGraph) -> Self {
        GraphHead {
            graph: kind.as_str(),
            nodes: g.node_count(),
            edges: g.edge_count(),
            modularity: None,
        }
    }
}

/// Prints `tables` (table or CSV; several are separated by a blank line, and a table
/// is headed by `heading` where given) or `json`.
fn print(
    format: Format,
    heading: Option<String>,
    tables: &[Table],
    json: &impl Serialize,
) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, json)?;
            writeln!(out)?;
        }
        Format::Table | Format::Csv => {
            if let (Some(h), Format::Table) = (heading, format) {
                writeln!(out, "{h}")?;
            }
            for (i, t) in tables.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                match format {
                    Format::Csv => write!(out, "{}", t.to_csv())?,
                    _ => write!(out, "{}", t.to_text())?,
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
