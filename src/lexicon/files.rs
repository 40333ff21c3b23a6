//! Every list file of `data/lexicon/`, registered once: the only place that includes
//! them. Typed tables ([`super::zones`], …) read them from here; a test checks that each
//! file in the folder is registered and that no file is registered twice.
//!
//! A new list file: put it in `data/lexicon/`, add one line here, read it in the table
//! of the area that uses it.

use super::ListFile;

macro_rules! list_files {
    ($($id:ident = $name:literal;)*) => {
        $(
            #[doc = concat!("`data/lexicon/", $name, ".txt`")]
            pub static $id: ListFile =
                ListFile::new($name, include_str!(concat!("../../data/lexicon/", $name, ".txt")));
        )*
        /// Every registered list file, in this file's order.
        pub static ALL: &[&ListFile] = &[$(&$id),*];
    };
}

list_files! {
    ACTIVITY_UNITS = "activity_units";
    ADMIN_LEVELS = "admin_levels";
    APPOINTMENT_WORDS = "appointment_words";
    BODIES = "bodies";
    BOILERPLATE = "boilerplate";
    DIRECTED_BODIES = "directed_bodies";
    DIVISION_BODIES = "division_bodies";
    EVENT_DATES = "event_dates";
    EVENT_MARKERS = "event_markers";
    EVENT_VERBS = "event_verbs";
    HEAD_DATE_LABELS = "head_date_labels";
    HEAD_META_MARKERS = "head_meta_markers";
    HELD_VERBS = "held_verbs";
    INDICATOR_CONTEXT = "indicator_context";
    INDICATOR_FOLDS = "indicator_folds";
    LIST_NOUNS = "list_nouns";
    MEETING_BATCH_EVENTS = "meeting_batch_events";
    MEETING_HEADER_LABELS = "meeting_header_labels";
    MEETING_LEAD_VERBS = "meeting_lead_verbs";
    MEETING_NOUNS = "meeting_nouns";
    MEETING_ROLES = "meeting_roles";
    MEETING_WORDS = "meeting_words";
    MODAL_YAO_WORDS = "modal_yao_words";
    NAME_BREAKERS = "name_breakers";
    NAME_CHARS = "name_chars";
    NAME_FOLLOWERS = "name_followers";
    NOT_NAMES = "not_names";
    NOT_RESULTS = "not_results";
    PINYIN_SYLLABLES = "pinyin_syllables";
    PLACE_BARRIERS = "place_barriers";
    PLACE_BOUNDARIES = "place_boundaries";
    PLACE_CUT_AFTER = "place_cut_after";
    PLACE_FALSE_WORDS = "place_false_words";
    PLACE_GENERIC = "place_generic";
    PLACE_GOVERNANCE = "place_governance";
    PLACE_HEAD_STOPS = "place_head_stops";
    PLACE_TAIL_STOPS = "place_tail_stops";
    PLAN_CUES = "plan_cues";
    POST_WORDS = "post_words";
    PROJECTION_CUES = "projection_cues";
    PUBLISH_DATE_LABELS = "publish_date_labels";
    RESULT_CUES = "result_cues";
    RESULT_VERBS = "result_verbs";
    SECTION_CUES = "section_cues";
    STATEMENT_WORDS = "statement_words";
    SUMMARY_PART_PERIODS = "summary_part_periods";
    SURNAMES = "surnames";
    TASK_ANAPHORA_OPENERS = "task_anaphora_openers";
    TASK_CUES_FUTURE = "task_cues_future";
    TASK_CUES_NEUTRAL = "task_cues_neutral";
    TASK_CUES_PAST = "task_cues_past";
    TASK_CUES_PAST_STRONG = "task_cues_past_strong";
    TASK_DONE_MARKS = "task_done_marks";
    TASK_FIGURE_UNITS = "task_figure_units";
    TASK_META_HEADINGS = "task_meta_headings";
    TASK_PLAN_NOUNS = "task_plan_nouns";
    TASK_RESULTS = "task_results";
    TASK_SPEECH_WORDS = "task_speech_words";
    TASK_TARGET_LEADS = "task_target_leads";
    TASK_TARGET_WORDS = "task_target_words";
    TASK_VERB_LEADS = "task_verb_leads";
    TASK_VERBS = "task_verbs";
    TIME_UNITS = "time_units";
    TITLE_LEAD_STOP = "title_lead_stop";
    TITLES = "titles";
    UNITS = "units";
    VALUE_LINKS = "value_links";
    YEAR_ON_YEAR = "year_on_year";
    ZONE_BODIES = "zone_bodies";
    ZONE_GENERIC_WORDS = "zone_generic_words";
    ZONE_KINDS = "zone_kinds";
    ZONE_KINDS_GOVERNED = "zone_kinds_governed";
    ZONE_KINDS_LOOSE = "zone_kinds_loose";
    ZONE_PASSED_ON = "zone_passed_on";
    ZONE_PREFIX_INSTITUTIONS = "zone_prefix_institutions";
}
