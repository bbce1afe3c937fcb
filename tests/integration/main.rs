//! Integration tests: one binary (see `autotests = false` in Cargo.toml).

mod browser;
mod case;
mod case_leaks;
mod case_review;
mod chunked;
mod cli;
mod explain;
mod failclosed;
mod faults;
mod folder;
mod grammar;
mod help;
mod hostile;
mod invariants;
mod layout;
mod layout_forms;
mod layout_forms2;
mod leak_rate;
mod policy;
mod registry;
mod review;
mod secrets;
mod snapshots;
mod stream;
mod user_patterns;
mod util;
