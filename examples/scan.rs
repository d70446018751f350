fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap();
        let src = upstart_tools::source::SourceFile::new(path.clone(), bytes);
        let p = upstart_tools::syntax::parse(src.bytes());
        for e in &p.errors {
            let (l, c) = src.line_col(e.span.start);
            println!("{}:{}:{}: {} {} [{}]", path, l, c, e.code(), e.message(), e.detail);
        }
    }
}
