//! The one integration-test binary (style guide habit 13).

mod common;

mod adversarial;
mod behaviour_oracle;
mod commands;
mod conformance;
mod conventions;
mod convert_cli;
mod convert_units;
mod corpus;
mod data_safety;
mod edge_cases;
mod exit_status;
mod fuzz_regressions;
mod generated;
mod graph;
mod lint_cli;
mod lint_corpus;
mod lint_rules;
mod lint_set;
mod lint_shell;
mod overrides;
mod packaging;
mod readme;
mod robustness;
mod roundtrip;
mod roundtrip_systemd;
mod run;
mod run_detach;
mod run_expect;
mod run_faults;
mod show;
mod snapshots;
mod systemd_corpus_lint;
mod systemd_oracle;
mod systemd_parse;
