//! Placeholder replaced by the segmentation bench.
fn main() {}
