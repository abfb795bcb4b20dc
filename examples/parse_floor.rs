//! The benchmark's floor in Node: a bare html5ever parse into `markup5ever_rcdom`, compiled to
//! wasm like the package (`bench/run.mjs` builds it with wasm-bindgen into `bench/out/floor/`
//! and times `parse` with `bench/tools/parse-node.mjs`). The whole check's cost is compared with
//! this in the same runtime. Native builds (`cargo test` builds every example) export nothing.

#[cfg(target_arch = "wasm32")]
mod floor {
    use html5ever::tendril::TendrilSink;
    use markup5ever_rcdom::{Handle, RcDom};
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Parse the page and count the nodes (so the tree is built and walked, not optimised away).
    /// The page crosses as UTF-8 bytes, as it does into the package's `checkHtml`.
    #[wasm_bindgen]
    pub fn parse(utf8: &[u8]) -> usize {
        let Ok(html) = std::str::from_utf8(utf8) else { return 0 };
        let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
        let mut count = 0;
        let mut stack: Vec<Handle> = vec![dom.document];
        while let Some(node) = stack.pop() {
            count += 1;
            stack.extend(node.children.borrow().iter().cloned());
        }
        count
    }
}
