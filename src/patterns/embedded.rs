//! The default pattern library, embedded at compile time by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/embedded_patterns.rs"));
