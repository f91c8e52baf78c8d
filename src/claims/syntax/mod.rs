//! Syntax: a part-of-speech tagger and a dependency parser, trained on the
//! Universal Dependencies English Web Treebank (`examples/train_syntax.rs`),
//! whose weights ship as data beside the rule pack
//! (`rules/syntax/english-ewt.model`, with its licence). Claim extraction
//! reads clauses from the trees: which verb governs which clause, who is
//! its subject, what a denial's scope is. No English grammar is written in
//! Rust; it is learned from the treebank.

pub mod conllu;
mod features;
mod labeller;
pub mod labels;
mod parser;
mod perceptron;
mod state;
mod tagger;
pub mod train;
mod words;

use std::sync::OnceLock;

pub use labels::{Dep, Tag};
pub use words::{Word, words_of};

use labeller::Labeller;
use parser::Parser;
use perceptron::{StoredWeights, Weights};
use tagger::{StoredTagger, Tagger};

/// The embedded model's bytes.
static EMBEDDED_MODEL: &[u8] = include_bytes!("../../../rules/syntax/english-ewt.model");

/// The format of stored models; a model of another format is refused.
const MODEL_FORMAT: u32 = 1;

/// A trained tagger, parser and labeller.
#[derive(Debug, Default)]
pub struct Syntax {
    tagger: Tagger,
    parser: Parser,
    labeller: Labeller,
}

/// A model as stored.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct StoredModel {
    pub format: u32,
    /// Where the model was trained from, and how.
    pub about: String,
    pub tagger: StoredTagger,
    pub parser: StoredWeights,
    pub labeller: StoredWeights,
}

/// A model that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("the syntax model is not a model: {0}")]
    Corrupt(String),
    #[error("the syntax model has format {found}; this build reads format {MODEL_FORMAT}")]
    Format { found: u32 },
}

/// A sentence's analysis, over its syntactic words.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub tags: Vec<Tag>,
    /// Each word's head; `None` for the root.
    pub heads: Vec<Option<usize>>,
    pub deps: Vec<Dep>,
}

impl Tree {
    /// A parse with what no English tree can be put right. A finite
    /// relative clause has a subject (its relative word, or another); one
    /// with none that opens on an auxiliary ("said Peruvian territory had
    /// not been used") is the clause the verb says, with the noun taken for
    /// its object as its subject. The parser decides word by word and may
    /// attach it the other way; every reader of clauses would then be led
    /// astray, so it is put right once here.
    fn well_formed(tags: Vec<Tag>, heads: Vec<Option<usize>>, deps: Vec<Dep>) -> Self {
        let mut tree = Tree { tags, heads, deps };
        for clause in 0..tree.heads.len() {
            let Some(noun) = tree.heads[clause].filter(|_| tree.deps[clause] == Dep::AclRelcl) else { continue };
            let Some(verb) = tree.heads[noun].filter(|_| tree.deps[noun] == Dep::Obj && noun < clause) else {
                continue;
            };
            let first = tree.children(clause).next();
            let opens_on_auxiliary =
                first.is_some_and(|first| first < clause && matches!(tree.deps[first], Dep::Aux | Dep::AuxPass));
            let subject = tree
                .children(clause)
                .find(|&c| matches!(tree.deps[c], Dep::Nsubj | Dep::NsubjPass | Dep::Csubj | Dep::Expl));
            if !opens_on_auxiliary || subject.is_some() {
                continue;
            }
            let passive = tree.children(clause).any(|c| tree.deps[c] == Dep::AuxPass);
            tree.heads[clause] = Some(verb);
            tree.deps[clause] = Dep::Ccomp;
            tree.heads[noun] = Some(clause);
            tree.deps[noun] = if passive { Dep::NsubjPass } else { Dep::Nsubj };
        }
        tree
    }

    /// The dependents of word `head`, in order.
    pub fn children(&self, head: usize) -> impl Iterator<Item = usize> + '_ {
        self.heads.iter().enumerate().filter(move |(_, h)| **h == Some(head)).map(|(i, _)| i)
    }

    /// The dependents of word `head` in relation `dep`.
    pub fn children_in(&self, head: usize, dep: Dep) -> impl Iterator<Item = usize> + '_ {
        self.children(head).filter(move |&c| self.deps[c] == dep)
    }

    /// Whether `ancestor` dominates `word` (or is it).
    #[must_use]
    pub fn dominates(&self, ancestor: usize, word: usize) -> bool {
        let mut at = Some(word);
        // A tree has no cycles; the bound keeps a malformed one finite.
        for _ in 0..=self.heads.len() {
            match at {
                Some(i) if i == ancestor => return true,
                Some(i) => at = self.heads.get(i).copied().flatten(),
                None => return false,
            }
        }
        false
    }
}

impl Syntax {
    /// The model embedded in the binary, read once.
    ///
    /// # Panics
    ///
    /// If the embedded model cannot be read: a build with a broken
    /// `rules/syntax/english-ewt.model`, which every test would catch.
    pub fn embedded() -> &'static Self {
        static MODEL: OnceLock<Syntax> = OnceLock::new();
        MODEL.get_or_init(|| Self::from_bytes(EMBEDDED_MODEL).expect("the embedded syntax model is readable"))
    }

    /// Reads a stored model.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let stored: StoredModel = postcard::from_bytes(bytes).map_err(|e| ModelError::Corrupt(e.to_string()))?;
        if stored.format != MODEL_FORMAT {
            return Err(ModelError::Format { found: stored.format });
        }
        Ok(Self::from_stored(&stored))
    }

    #[must_use]
    pub fn from_stored(stored: &StoredModel) -> Self {
        Self {
            tagger: Tagger::from_stored(&stored.tagger),
            parser: Parser::new(Weights::from_stored(&stored.parser)),
            labeller: Labeller::new(Weights::from_stored(&stored.labeller)),
        }
    }

    /// The words' tags.
    #[must_use]
    pub fn tag(&self, words: &[Word]) -> Vec<Tag> {
        self.tagger.tag(words)
    }

    /// The words' tags, some of which are `known`.
    #[must_use]
    pub fn tag_knowing(&self, words: &[Word], known: &[Option<Tag>]) -> Vec<Tag> {
        self.tagger.tag_knowing(words, known)
    }

    /// Tags and parses the words.
    #[must_use]
    pub fn analyse(&self, words: &[Word]) -> Tree {
        self.analyse_knowing(words, &[])
    }

    /// Tags and parses the words, some of whose tags are `known`.
    #[must_use]
    pub fn analyse_knowing(&self, words: &[Word], known: &[Option<Tag>]) -> Tree {
        let tags = self.tagger.tag_knowing(words, known);
        self.parse(words, tags)
    }

    /// Parses tagged words.
    #[must_use]
    pub fn parse(&self, words: &[Word], tags: Vec<Tag>) -> Tree {
        let (heads, deps) = self.parser.parse(words, &tags, &self.labeller, None);
        Tree::well_formed(tags, heads, deps)
    }

    /// Parses tagged words into the best tree headed by word `root`.
    #[must_use]
    pub fn parse_rooted(&self, words: &[Word], tags: Vec<Tag>, root: usize) -> Tree {
        let (heads, deps) = self.parser.parse(words, &tags, &self.labeller, Some(root));
        Tree::well_formed(tags, heads, deps)
    }
}

/// `0..len` in an order shuffled by `seed`: the same order on every machine.
pub(crate) fn shuffled(len: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut state = seed ^ 0x2545_F491_4F6C_DD1D;
    for i in (1..len).rev() {
        // SplitMix64: a small generator that is good enough to shuffle.
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let j = usize::try_from(z % (i as u64 + 1)).unwrap_or(0);
        order.swap(i, j);
    }
    order
}
