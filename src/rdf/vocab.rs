//! The IRIs the mapping writes: zonekg's own terms (`zk:`) and the shared vocabularies
//! it reuses (W3C ORG, FOAF, schema.org, PROV-O, Dublin Core, SKOS, OWL, RDFS, XSD).
//!
//! Every term here is declared in `ontology/zonekg.ttl` with Chinese and English labels;
//! `tests/ontology.rs` checks that nothing is written that the ontology does not declare.

use oxigraph::model::NamedNodeRef;

/// Declares `pub const NAME: NamedNodeRef` for each local name under a namespace.
macro_rules! terms {
    ($ns:literal; $($name:ident = $local:literal),* $(,)?) => {
        /// The namespace IRI the terms below share.
        pub const NS: &str = $ns;
        $(pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local));)*
    };
}

/// zonekg's own vocabulary.
pub mod zk {
    use super::*;
    terms! { "https://w3id.org/zonekg/def#";
        // classes
        REPORT = "Report", SENTENCE = "Sentence", ZONE = "Zone", ZONE_LEVEL = "ZoneLevel",
        LEADING_POST = "LeadingPost", POST_HOLDING = "PostHolding", MEETING = "Meeting",
        PARTICIPATION = "Participation", MEETING_ROLE = "MeetingRole",
        INDICATOR_VALUE = "IndicatorValue", GOAL = "Goal", ACHIEVEMENT = "Achievement",
        GOAL_KIND = "GoalKind", TASK = "Task",
        // report and evidence
        SOURCE_NAME = "sourceName", LOCATION = "location", CONTENT_HASH = "contentHash",
        EXTRACTOR_VERSION = "extractorVersion", CHAR_START = "charStart", CHAR_END = "charEnd",
        BYTE_START = "byteStart", BYTE_END = "byteEnd", TEXT = "text",
        // zones, officials, posts
        LEVEL = "level", KIND = "kind", SCOPE_ZONE = "scopeZone", TITLE = "title",
        ORGANIZATION_NAME = "organizationName", POST = "post", OBSERVED_ON = "observedOn",
        POSSIBLE_SAME_AS = "possibleSameAs", CANONICAL_ZONE = "canonicalZone",
        // meetings
        ZONE_PROP = "zone", VENUE = "venue", ATTENDANCE = "attendance",
        PARTICIPATION_PROP = "participation", PARTICIPANT = "participant", ROLE = "role",
        // indicators and tasks
        INDICATOR = "indicator", YEAR = "year", PERIOD = "period", GOAL_KIND_PROP = "goalKind",
        CHANGE_VALUE = "changeValue", CHANGE_UNIT = "changeUnit", SET_BY = "setBy",
        // individuals: zone levels
        PROVINCE = "Province", CITY = "City", DISTRICT = "District", COUNTY = "County",
        TOWN = "Town", DEVELOPMENT_ZONE = "DevelopmentZone",
        // individuals: meeting roles
        HOST = "Host", SPEAKER = "Speaker", ATTENDEE = "Attendee",
        // individuals: goal kinds
        GROWTH = "Growth", REACH_LEVEL = "ReachLevel", AT_LEAST = "AtLeast", REDUCE = "Reduce",
    }
}

/// W3C Organization Ontology.
pub mod org {
    use super::*;
    terms! { "http://www.w3.org/ns/org#";
        ORGANIZATION = "Organization", POST = "Post", MEMBERSHIP = "Membership",
        HOLDS = "holds", HELD_BY = "heldBy", POST_IN = "postIn", MEMBER = "member",
        ORGANIZATION_PROP = "organization",
    }
}

/// Friend of a Friend: persons and their names.
pub mod foaf {
    use super::*;
    terms! { "http://xmlns.com/foaf/0.1/"; PERSON = "Person", NAME = "name" }
}

/// schema.org: events and quantitative values.
pub mod schema {
    use super::*;
    terms! { "https://schema.org/";
        EVENT = "Event", QUANTITATIVE_VALUE = "QuantitativeValue", NAME = "name",
        START_DATE = "startDate", VALUE = "value", UNIT_TEXT = "unitText",
    }
}

/// PROV-O: where each fact came from.
pub mod prov {
    use super::*;
    terms! { "http://www.w3.org/ns/prov#"; ENTITY = "Entity", WAS_DERIVED_FROM = "wasDerivedFrom" }
}

/// Dublin Core terms: report metadata.
pub mod dcterms {
    use super::*;
    terms! { "http://purl.org/dc/terms/"; TITLE = "title", ISSUED = "issued", IS_PART_OF = "isPartOf" }
}

/// SKOS: alternative names.
pub mod skos {
    use super::*;
    terms! { "http://www.w3.org/2004/02/skos/core#"; ALT_LABEL = "altLabel" }
}

/// OWL: identity links.
pub mod owl {
    use super::*;
    terms! { "http://www.w3.org/2002/07/owl#"; SAME_AS = "sameAs" }
}

pub mod rdf {
    use super::*;
    terms! { "http://www.w3.org/1999/02/22-rdf-syntax-ns#"; TYPE = "type" }
}

pub mod rdfs {
    use super::*;
    terms! { "http://www.w3.org/2000/01/rdf-schema#"; LABEL = "label" }
}

pub mod xsd {
    use super::*;
    terms! { "http://www.w3.org/2001/XMLSchema#";
        STRING = "string", DATE = "date", G_YEAR = "gYear", INTEGER = "integer",
        DECIMAL = "decimal", DOUBLE = "double",
    }
}

/// Where instances live: `https://w3id.org/zonekg/id/<kind>/<key>`.
pub const ID_BASE: &str = "https://w3id.org/zonekg/id/";

/// The named graph that holds the ontology, and the ontology's own IRI.
pub const ONTOLOGY_GRAPH: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("https://w3id.org/zonekg/def");

/// The named graph of cross-report links (zone and person identity, possible duplicates),
/// recomputed from the report graphs after every ingest.
pub const LINKS_GRAPH: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("https://w3id.org/zonekg/id/graph/links");

/// The prefixes used when printing Turtle and TriG and in canned queries.
pub const PREFIXES: &[(&str, &str)] = &[
    ("zk", zk::NS),
    ("org", org::NS),
    ("foaf", foaf::NS),
    ("schema", schema::NS),
    ("prov", prov::NS),
    ("dcterms", dcterms::NS),
    ("skos", skos::NS),
    ("owl", owl::NS),
    ("rdf", rdf::NS),
    ("rdfs", rdfs::NS),
    ("xsd", xsd::NS),
];
