//! One file per rule; this table lists them all, in code order.

use super::registry::Rule;
use crate::ast::{EventMatch, OnCondition, Stanza, StanzaKind};

mod ul001_unterminated_block;
mod ul002_stray_end_script;
mod ul003_unknown_stanza;
mod ul004_removed_stanza;
mod ul005_missing_argument;
mod ul006_extra_argument;
mod ul007_unknown_sub_keyword;
mod ul008_unterminated_quote;
mod ul009_bad_continuation;
mod ul010_bad_event_expression;
mod ul011_crlf_line_endings;
mod ul012_bom_or_invalid_utf8;
mod ul013_expression_too_deep;
mod ul014_vendor_stanza;
mod ul101_invalid_signal;
mod ul102_invalid_interval;
mod ul103_invalid_umask;
mod ul104_nice_out_of_range;
mod ul105_oom_out_of_range;
mod ul106_unknown_limit_resource;
mod ul107_invalid_limit_value;
mod ul108_respawn_limit_zero;
mod ul109_normal_exit_unreachable;
mod ul110_env_not_expanded;
mod ul111_env_bad_name;
mod ul112_relative_path;
mod ul114_static_instance_name;
mod ul115_suspicious_kill_timeout;
mod ul116_limit_soft_above_hard;
mod ul117_garbled_escape;
mod ul118_wrapped_number;
mod ul119_nul_byte;
mod ul201_process_redefined;
mod ul202_duplicate_stanza;
mod ul203_duplicate_key;
mod ul204_expect_with_script;
mod ul205_expect_vs_daemon_flags;
mod ul206_backgrounded_main;
mod ul207_exec_compound_command;
mod ul208_respawn_on_task;
mod ul209_runlevel_start_without_stop;
mod ul210_manual_before_start_on;
mod ul211_process_options_without_process;
mod ul212_task_with_expect;
mod ul215_instance_variable_unset;
mod ul216_emit_not_declared;
mod ul217_legacy_oom;
mod ul218_needs_newer_upstart;
mod ul219_debug_stanza;
mod ul220_start_on_startup_too_early;
mod ul221_respawn_limit_without_respawn;
mod ul222_stray_positional_argument;
mod ul223_variable_in_start_on;
mod ul2_common;

mod ul301_unknown_job;
mod ul302_unknown_event;
mod ul303_job_name_as_event;
mod ul304_start_cycle;
mod ul305_self_reference;
mod ul306_orphan_override;
mod ul308_console_owner_conflict;
mod ul401_shell_syntax;
mod ul402_exec_shell_syntax;
mod ul403_heredoc_indent_not_stripped;
mod ul404_early_end_script;
mod ul405_shellcheck;
mod ul406_errexit_trailing_and;
mod ul407_bashism;
mod ul408_unreachable_after_exec;
mod ul501_no_systemd_equivalent;
mod ul502_complex_event_condition;
mod ul503_bridge_event;
mod ul504_hook_semantics_differ;
mod ul506_log_path_changes;
mod ul507_multi_variable_instance;
mod ul508_respawn_limit_counts_all_starts;
mod ul509_env_from_service_manager;
mod ul510_custom_event_target;
mod ul511_stop_event_not_converted;
mod ul512_upstart_variables_in_process;
mod ul513_kill_timeout_zero;
mod ul514_pre_start_guard;
mod ul515_setuid_nobody;
mod ul601_ignored_file;
mod ul602_bad_job_name;
mod ul603_missing_description;
mod ul701_no_upstart_equivalent;
mod ul702_dependency_approximated;
mod ul703_type_not_supported;
mod ul704_environment_file;
mod ul705_condition_dropped;
mod ul706_unknown_key;
mod ul707_exec_variable_split;
mod ul708_no_main_process;
mod ul709_environment_not_expanded;
mod ul901_unused_suppression;
mod ul902_unknown_rule_in_suppression;
mod ul903_unreadable_input;
mod ul904_malformed_suppression;

/// Every rule, ordered by code (a test checks the order and uniqueness).
pub(crate) static RULES: &[Rule] = &[
    // UL0xx syntax and file
    ul001_unterminated_block::RULE,
    ul002_stray_end_script::RULE,
    ul003_unknown_stanza::RULE,
    ul004_removed_stanza::RULE,
    ul005_missing_argument::RULE,
    ul006_extra_argument::RULE,
    ul007_unknown_sub_keyword::RULE,
    ul008_unterminated_quote::RULE,
    ul009_bad_continuation::RULE,
    ul010_bad_event_expression::RULE,
    ul011_crlf_line_endings::RULE,
    ul012_bom_or_invalid_utf8::RULE,
    ul013_expression_too_deep::RULE,
    ul014_vendor_stanza::RULE,
    // UL1xx values
    ul101_invalid_signal::RULE,
    ul102_invalid_interval::RULE,
    ul103_invalid_umask::RULE,
    ul104_nice_out_of_range::RULE,
    ul105_oom_out_of_range::RULE,
    ul106_unknown_limit_resource::RULE,
    ul107_invalid_limit_value::RULE,
    ul108_respawn_limit_zero::RULE,
    ul109_normal_exit_unreachable::RULE,
    ul110_env_not_expanded::RULE,
    ul111_env_bad_name::RULE,
    ul112_relative_path::RULE,
    ul114_static_instance_name::RULE,
    ul115_suspicious_kill_timeout::RULE,
    ul116_limit_soft_above_hard::RULE,
    ul117_garbled_escape::RULE,
    ul118_wrapped_number::RULE,
    ul119_nul_byte::RULE,
    // UL2xx single-job semantics
    ul201_process_redefined::RULE,
    ul202_duplicate_stanza::RULE,
    ul203_duplicate_key::RULE,
    ul204_expect_with_script::RULE,
    ul205_expect_vs_daemon_flags::RULE,
    ul206_backgrounded_main::RULE,
    ul207_exec_compound_command::RULE,
    ul208_respawn_on_task::RULE,
    ul209_runlevel_start_without_stop::RULE,
    ul210_manual_before_start_on::RULE,
    ul211_process_options_without_process::RULE,
    ul212_task_with_expect::RULE,
    ul215_instance_variable_unset::RULE,
    ul216_emit_not_declared::RULE,
    ul217_legacy_oom::RULE,
    ul218_needs_newer_upstart::RULE,
    ul219_debug_stanza::RULE,
    ul220_start_on_startup_too_early::RULE,
    ul221_respawn_limit_without_respawn::RULE,
    ul222_stray_positional_argument::RULE,
    ul223_variable_in_start_on::RULE,
    // UL3xx job set
    ul301_unknown_job::RULE,
    ul302_unknown_event::RULE,
    ul303_job_name_as_event::RULE,
    ul304_start_cycle::RULE,
    ul305_self_reference::RULE,
    ul306_orphan_override::RULE,
    ul308_console_owner_conflict::RULE,
    // UL4xx embedded shell
    ul401_shell_syntax::RULE,
    ul402_exec_shell_syntax::RULE,
    ul403_heredoc_indent_not_stripped::RULE,
    ul404_early_end_script::RULE,
    ul405_shellcheck::RULE,
    ul406_errexit_trailing_and::RULE,
    ul407_bashism::RULE,
    ul408_unreachable_after_exec::RULE,
    // UL5xx portability and conversion losses
    ul501_no_systemd_equivalent::RULE,
    ul502_complex_event_condition::RULE,
    ul503_bridge_event::RULE,
    ul504_hook_semantics_differ::RULE,
    ul506_log_path_changes::RULE,
    ul507_multi_variable_instance::RULE,
    ul508_respawn_limit_counts_all_starts::RULE,
    ul509_env_from_service_manager::RULE,
    ul510_custom_event_target::RULE,
    ul511_stop_event_not_converted::RULE,
    ul512_upstart_variables_in_process::RULE,
    ul513_kill_timeout_zero::RULE,
    ul514_pre_start_guard::RULE,
    ul515_setuid_nobody::RULE,
    // UL6xx hygiene
    ul601_ignored_file::RULE,
    ul602_bad_job_name::RULE,
    ul603_missing_description::RULE,
    // UL7xx systemd2upstart conversion losses (reported by the converter)
    ul701_no_upstart_equivalent::RULE,
    ul702_dependency_approximated::RULE,
    ul703_type_not_supported::RULE,
    ul704_environment_file::RULE,
    ul705_condition_dropped::RULE,
    ul706_unknown_key::RULE,
    ul707_exec_variable_split::RULE,
    ul708_no_main_process::RULE,
    ul709_environment_not_expanded::RULE,
    // UL9xx meta
    ul901_unused_suppression::RULE,
    ul902_unknown_rule_in_suppression::RULE,
    ul903_unreadable_input::RULE,
    ul904_malformed_suppression::RULE,
];

/// The `start on` / `stop on` stanzas of a job file with their conditions.
pub(crate) fn on_conditions(job: &crate::ast::Job) -> Vec<(&Stanza, &OnCondition)> {
    job.stanzas()
        .filter_map(|s| match &s.kind {
            StanzaKind::StartOn { on } | StanzaKind::StopOn { on } => Some((s, &**on)),
            _ => None,
        })
        .collect()
}

/// Every event match of every `start on` / `stop on` of a job file.
pub(crate) fn event_matches(job: &crate::ast::Job) -> Vec<&EventMatch> {
    on_conditions(job)
        .into_iter()
        .flat_map(|(_, on)| on.expr.events())
        .collect()
}
