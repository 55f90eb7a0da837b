//! A fuzzer for the parser, without nightly: mutated copies of the real
//! record and of the test fixtures (bytes and lines deleted, repeated, swapped
//! and replaced by the record's own markers, invalid UTF-8, CRLF), parsed
//! for a given time. Each input must parse or be refused with errors, never
//! panic; a parsed record must be lossless (its non-blank characters written
//! back unchanged); and no input may take longer than 100 ms plus 20 ms per
//! 100 KB, ten times the parser's usual rate (a quadratic blow-up or a hang;
//! the allowance, and the best of three reruns of a slow input, absorb a busy
//! machine). An input that breaks a rule is saved under
//! `tests/fixtures/crashers/` and the run fails.
//!
//! `cargo run --release -p parley-core --example fuzz -- SECONDS [SEED]`

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};

use parley_core::{parse_bytes, Metadata};

const SEEDS: [&str; 3] = [
    include_str!("../../../transcripts/1958-08-02-third-conversation.txt"),
    include_str!("../tests/fixtures/minimal.txt"),
    include_str!("../tests/fixtures/stats.txt"),
];
const META: &str = include_str!("../../../transcripts/1958-08-02-third-conversation.meta.toml");

/// What the parser looks for; splicing these in reaches its corners.
const MARKERS: [&str; 22] = [
    "\n\n",
    "\n",
    "\r\n",
    "[",
    "]",
    "[1]",
    "[39]",
    "[40]",
    "[0]",
    "[ustranenie]",
    "Present [at the meeting]:",
    "Cdes. ",
    "MAO ZEDONG. ",
    "N.S. KHRUSHCHEV says that ",
    "Following a break",
    "Conversation transcribed by",
    "Related Documents",
    "RGANI. ",
    "August 2, 1958",
    "February 30, 1958",
    "\u{feff}",
    "é’“–",
];

/// xorshift64*: deterministic, so a failing seed can be rerun.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>) {
    let len = input.len();
    let at = rng.below(len + 1);
    let span = rng.below(200).min(len - at.min(len));
    match rng.below(9) {
        0 => {
            input.drain(at..at + span);
        }
        1 => {
            let copy = input[at..at + span].to_vec();
            input.splice(at..at, copy);
        }
        2 => {
            let marker = MARKERS[rng.below(MARKERS.len())].as_bytes().to_vec();
            input.splice(at..at, marker);
        }
        3 => {
            let marker = MARKERS[rng.below(MARKERS.len())].as_bytes().to_vec();
            input.splice(at..at + span, marker);
        }
        4 => input.truncate(at),
        5 => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(input.len());
                if let Some(b) = input.get_mut(i) {
                    *b = rng.next() as u8;
                }
            }
        }
        6 => {
            // Swap two lines.
            let lines: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
            if lines.len() > 2 {
                let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                let mut owned: Vec<Vec<u8>> = lines.iter().map(|l| l.to_vec()).collect();
                owned.swap(a, b);
                *input = owned.join(&b'\n');
            }
        }
        7 => {
            // CRLF line endings throughout.
            let text = String::from_utf8_lossy(input).replace('\n', "\r\n");
            *input = text.into_bytes();
        }
        _ => {
            let copy = input[at..at + span].to_vec();
            input.extend_from_slice(&copy);
        }
    }
}

fn non_blank(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn save(input: &[u8], why: &str, n: u64) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/crashers");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("crasher-{n}.txt"));
    let _ = std::fs::write(&path, input);
    format!("{why}: saved as {}", path.display())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed: u64 = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1958);
    let meta = Metadata::parse("meta.toml", META).unwrap_or_default();
    let mut rng = Rng(seed.max(1));
    let started = Instant::now();
    let (mut runs, mut parsed, mut refused, mut bytes) = (0u64, 0u64, 0u64, 0u64);
    let mut slowest = (0.0f64, 0usize);
    let mut failures = Vec::new();
    while started.elapsed() < Duration::from_secs(seconds) && failures.len() < 5 {
        let mut input = SEEDS[rng.below(SEEDS.len())].as_bytes().to_vec();
        for _ in 0..1 + rng.below(6) {
            mutate(&mut rng, &mut input);
        }
        runs += 1;
        bytes += input.len() as u64;
        let timer = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| parse_bytes("fuzz.txt", &input, &meta)));
        let mut elapsed = timer.elapsed().as_secs_f64() * 1000.0;
        let allowance = 100.0 + 20.0 * input.len() as f64 / 100_000.0;
        if elapsed > allowance && outcome.is_ok() {
            // Slow once may be a busy machine: the best of three more runs decides.
            for _ in 0..3 {
                let timer = Instant::now();
                let _ = parse_bytes("fuzz.txt", &input, &meta);
                elapsed = elapsed.min(timer.elapsed().as_secs_f64() * 1000.0);
            }
        }
        let per_100k = elapsed / (input.len().max(1000) as f64 / 100_000.0);
        if per_100k > slowest.0 {
            slowest = (per_100k, input.len());
        }
        match outcome {
            Err(_) => failures.push(save(&input, "panic", runs)),
            Ok(_) if elapsed > 100.0 + 20.0 * input.len() as f64 / 100_000.0 => {
                failures.push(save(
                    &input,
                    &format!("{elapsed:.1} ms for {} bytes", input.len()),
                    runs,
                ))
            }
            Ok(Ok(document)) => {
                parsed += 1;
                let source = String::from_utf8_lossy(&input);
                let source = source.strip_prefix('\u{feff}').unwrap_or(&source);
                if non_blank(&document.to_source_text()) != non_blank(source) {
                    failures.push(save(&input, "not lossless", runs));
                }
            }
            Ok(Err(_)) => refused += 1,
        }
    }
    println!(
        "{runs} inputs ({:.1} MB) in {:.0} s: {parsed} parsed (all lossless), {refused} refused with errors; \
         slowest {:.2} ms per 100 KB ({} bytes); seed {seed}",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        slowest.0,
        slowest.1
    );
    for failure in &failures {
        eprintln!("{failure}");
    }
    if !failures.is_empty() {
        std::process::exit(1);
    }
}
