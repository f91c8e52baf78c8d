use gainsay::claims::syntax::{Syntax, conllu, train};
fn main() {
    let bytes = std::fs::read(std::env::args().nth(1).unwrap()).unwrap();
    let pud = conllu::read(&std::fs::read_to_string("/work/pud/en_pud-ud-test.conllu").unwrap()).unwrap();
    let held: Vec<_> = pud.into_iter().enumerate().filter(|(i, _)| i % 5 == 0).map(|(_, s)| s).collect();
    let syntax = Syntax::from_bytes(&bytes).unwrap();
    let s = train::evaluate(&syntax, &held);
    println!("PUD held: UPOS {:.2} UAS {:.2} LAS {:.2}", s.tags * 100.0, s.unlabelled * 100.0, s.labelled * 100.0);
}
