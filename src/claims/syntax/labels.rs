//! The tag and relation sets of Universal Dependencies, as the analysis
//! uses them: the 17 universal part-of-speech tags, and the relations with
//! the subtypes claim extraction reads (a passive subject, an agent, a
//! relative clause, a possessor); rarer subtypes fold into their type.

macro_rules! label_set {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in class order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name Universal Dependencies uses.
            #[must_use]
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The value's class number, for the models.
            #[must_use]
            pub fn class(self) -> usize {
                self as usize
            }

            /// The value with a class number.
            #[must_use]
            pub fn from_class(class: usize) -> Option<Self> {
                Self::ALL.get(class).copied()
            }
        }
    };
}

label_set! {
    /// A universal part-of-speech tag.
    Tag {
        Adj = "ADJ", Adp = "ADP", Adv = "ADV", Aux = "AUX", Cconj = "CCONJ", Det = "DET", Intj = "INTJ",
        Noun = "NOUN", Num = "NUM", Part = "PART", Pron = "PRON", Propn = "PROPN", Punct = "PUNCT",
        Sconj = "SCONJ", Sym = "SYM", Verb = "VERB", X = "X",
    }
}

label_set! {
    /// A dependency relation.
    Dep {
        Root = "root", Nsubj = "nsubj", NsubjPass = "nsubj:pass", Csubj = "csubj", Obj = "obj", Iobj = "iobj",
        Ccomp = "ccomp", Xcomp = "xcomp", Obl = "obl", OblAgent = "obl:agent", Advcl = "advcl",
        Advmod = "advmod", Amod = "amod", Nmod = "nmod", NmodPoss = "nmod:poss", Appos = "appos", Acl = "acl",
        AclRelcl = "acl:relcl", Det = "det", Case = "case", Mark = "mark", Cc = "cc", Conj = "conj",
        Aux = "aux", AuxPass = "aux:pass", Cop = "cop", Compound = "compound", CompoundPrt = "compound:prt",
        Flat = "flat", Nummod = "nummod", Punct = "punct", Parataxis = "parataxis", Expl = "expl",
        Fixed = "fixed", Discourse = "discourse", List = "list", Vocative = "vocative", Other = "dep",
    }
}

impl Tag {
    /// The tag named so in a treebank.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|t| t.name() == name)
    }

    /// A noun, proper noun or pronoun: what heads a noun phrase.
    #[must_use]
    pub fn is_nominal(self) -> bool {
        matches!(self, Self::Noun | Self::Propn | Self::Pron | Self::Num)
    }

    /// A closed class: function words, whose members a language does not
    /// add to.
    #[must_use]
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Aux | Self::Det | Self::Pron | Self::Adp | Self::Cconj | Self::Sconj | Self::Part)
    }

    /// A verb or auxiliary.
    #[must_use]
    pub fn is_verbal(self) -> bool {
        matches!(self, Self::Verb | Self::Aux)
    }
}

impl Dep {
    /// The relation a treebank label names; subtypes not kept fold into
    /// their type, and unknown labels into `dep`.
    #[must_use]
    pub fn from_name(name: &str) -> Self {
        if let Some(dep) = Self::ALL.iter().copied().find(|d| d.name() == name) {
            return dep;
        }
        let base = name.split(':').next().unwrap_or(name);
        Self::ALL.iter().copied().find(|d| d.name() == base).unwrap_or(Self::Other)
    }

    /// A subject, active or passive, nominal or clausal.
    #[must_use]
    pub fn is_subject(self) -> bool {
        matches!(self, Self::Nsubj | Self::NsubjPass | Self::Csubj)
    }

    /// A clause governed by a predicate: what a stance verb's scope is.
    #[must_use]
    pub fn is_clausal_complement(self) -> bool {
        matches!(self, Self::Ccomp | Self::Xcomp | Self::Csubj)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_classes_round_trip() {
        for tag in Tag::ALL {
            assert_eq!(Tag::from_name(tag.name()), Some(*tag));
            assert_eq!(Tag::from_class(tag.class()), Some(*tag));
        }
        for dep in Dep::ALL {
            assert_eq!(Dep::from_name(dep.name()), *dep);
        }
    }

    #[test]
    fn rare_subtypes_fold_into_their_type() {
        assert_eq!(Dep::from_name("obl:unmarked"), Dep::Obl);
        assert_eq!(Dep::from_name("nsubj:outer"), Dep::Nsubj);
        assert_eq!(Dep::from_name("acl:relcl"), Dep::AclRelcl);
        assert_eq!(Dep::from_name("reparandum"), Dep::Other);
    }
}
