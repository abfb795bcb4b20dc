//! Accessible name and description cases (accname 1.2, HTML-AAM), with expectations recorded
//! from Chromium 148 (CDP `Accessibility.getPartialAXTree`) where it and the specs differ.
//!
//! Each case is `(html, target, name, description)`; `target` is a local name, optionally
//! `@n` for the n-th element (0-based, document order) with that name.

use curbcut::{accessibility_tree, Options};

#[rustfmt::skip]
const CASES: &[(&str, &str, &str, &str)] = &[
    // --- aria-labelledby
    (r##"<span id="a">Hello</span><button aria-labelledby="a">x</button>"##, "button", "Hello", ""),
    (r##"<span id="a">Hello</span><span id="b">World</span><button aria-labelledby="a b">x</button>"##, "button", "Hello World", ""),
    (r##"<span id="b">World</span><span id="a">Hello</span><button aria-labelledby="a b">x</button>"##, "button", "Hello World", ""),
    (r##"<div id="a" hidden>hidden label</div><button aria-labelledby="a">x</button>"##, "button", "hidden label", ""),
    (r##"<div id="a">vis <span hidden>hid</span></div><button aria-labelledby="a">x</button>"##, "button", "vis", ""),
    (r##"<div id="a" hidden>vis <span style="display:none">hid</span></div><button aria-labelledby="a">x</button>"##, "button", "vis hid", ""),
    (r##"<div id="a" hidden>vis <span aria-hidden="true">ah</span></div><button aria-labelledby="a">x</button>"##, "button", "vis ah", ""),
    (r##"<div id="a" aria-hidden="true">ahl</div><button aria-labelledby="a">x</button>"##, "button", "ahl", ""),
    (r##"<span id="a" aria-labelledby="b">A</span><span id="b">B</span><button aria-labelledby="a">x</button>"##, "button", "A", ""),
    (r##"<button aria-labelledby="nope">x</button>"##, "button", "x", ""),
    (r##"<button aria-labelledby="nope a">x</button><span id="a"></span>"##, "button", "x", ""),
    (r##"<button aria-labelledby="a" aria-label="AL">x</button><span id="a">LB</span>"##, "button", "LB", ""),
    (r##"<a id="f1" href="#">Documentation.pdf</a><span role="button" tabindex="0" id="d1" aria-label="Delete" aria-labelledby="d1 f1"></span>"##, "span", "Delete Documentation.pdf", ""),
    (r##"<div id="el1" role="button" aria-labelledby="el2"></div><div id="el2" hidden><span id="el3" hidden>hello</span></div>"##, "div", "hello", ""),
    (r##"<div id="el1" role="button" aria-labelledby="el2"></div><div id="el2"><span id="el3" hidden>hello</span></div>"##, "div", "", ""),
    (r##"<div id="el1" role="button" aria-labelledby="el3"></div><div id="el2" role="button" aria-labelledby="el1"></div><div id="el3">hello</div>"##, "div@1", "", ""),
    (r##"<div id="el1" role="button" aria-labelledby="el3"></div><div id="el2" role="button" aria-labelledby="el1"></div><div id="el3">hello</div>"##, "div", "hello", ""),
    (r##"<span id="a" aria-label="from label">content</span><button aria-labelledby="a">x</button>"##, "button", "from label", ""),
    (r##"<span id="a" title="tip"></span><button aria-labelledby="a">x</button>"##, "button", "tip", ""),
    (r##"<img id="a" alt="picture"><button aria-labelledby="a">x</button>"##, "button", "picture", ""),
    (r##"<div id="a"><ul><li>one</li><li>two</li></ul></div><button aria-labelledby="a">x</button>"##, "button", "one two", ""),
    (r##"<span id="a">A</span><button aria-labelledby="a a">x</button>"##, "button", "A A", ""),
    (r##"<button id="s" aria-labelledby="s t">Save</button><span id="t">draft</span>"##, "button", "Save draft", ""),
    (r##"<div id="a"><nav>inside nav</nav></div><button aria-labelledby="a">x</button>"##, "button", "inside nav", ""),
    // --- aria-label
    (r##"<button aria-label="Close">X</button>"##, "button", "Close", ""),
    (r##"<button aria-label="   ">content</button>"##, "button", "content", ""),
    (r##"<button aria-label="">content</button>"##, "button", "content", ""),
    (r##"<div aria-label="x">generic</div>"##, "div", "x", ""),
    (r##"<a href="#"><span aria-label="inner">text</span> more</a>"##, "a", "inner more", ""),
    (r##"<input aria-label="  Search  the site ">"##, "input", "Search the site", ""),
    // --- label elements
    (r##"<label for="i">First name</label><input id="i">"##, "input", "First name", ""),
    (r##"<label>First name <input></label>"##, "input", "First name", ""),
    (r##"<label>Name <input value="foo"></label>"##, "input", "Name", ""),
    (r##"<label for="i">One</label><label for="i">Two</label><input id="i">"##, "input", "One Two", ""),
    (r##"<label for="i">For</label><label>Wrap <input id="i"></label>"##, "input", "For Wrap", ""),
    (r##"<label for="i" hidden>Hidden label</label><input id="i">"##, "input", "", ""),
    (r##"<input id="c" type="checkbox"><label for="c" aria-hidden="true">L</label>"##, "input", "", ""),
    (r##"<label hidden>Wrapped <input type="checkbox"></label>"##, "input", "", ""),
    (r##"<label for="i">Vis <span hidden>hid</span></label><input id="i">"##, "input", "Vis", ""),
    (r##"<label for="i" aria-label="aria on label">text</label><input id="i">"##, "input", "aria on label", ""),
    (r##"<label for="i">Label</label><input id="i" aria-label="Aria">"##, "input", "Aria", ""),
    (r##"<label><input type="checkbox"> Flash the screen <input value="5"> times</label>"##, "input", "Flash the screen 5 times", ""),
    (r##"<label for="f"><input type="checkbox" id="f"> Flash the screen <span tabindex="0" role="textbox" aria-label="number of times" contenteditable>5</span> times.</label>"##, "input", "Flash the screen 5 times.", ""),
    (r##"<input type="checkbox" id="c"><label for="c">Size <select><option>S</option><option selected>M</option></select></label>"##, "input", "Size M", ""),
    (r##"<input type="checkbox" id="c"><label for="c">Volume <input type="range" min="0" max="10" value="7"></label>"##, "input", "Volume 7", ""),
    (r##"<input type="checkbox" id="c"><label for="c">Volume <input type="range"></label>"##, "input", "Volume 50", ""),
    (r##"<label>Level <span role="slider" aria-valuenow="3" aria-valuetext="three"></span> <input type="checkbox"></label>"##, "input", "Level three", ""),
    (r##"<label>Level <span role="slider" aria-valuenow="3"></span> <input type="checkbox"></label>"##, "input", "Level 3", ""),
    (r##"<input type="checkbox" id="c"><label for="c">Count <input type="number" value="12"></label>"##, "input", "Count 12", ""),
    (r##"<label>Pick <span role="listbox"><span role="option" aria-selected="true">Apple</span><span role="option">Pear</span></span> <input type="checkbox"></label>"##, "input", "Pick Apple", ""),
    (r##"<input type="checkbox" id="c"><label for="c">Note <textarea>typed</textarea></label>"##, "input", "Note typed", ""),
    (r##"<label>Pick <select><option>A</option><option selected>B</option></select></label>"##, "select", "Pick", ""),
    (r##"<label for="b">L</label><button id="b">C</button>"##, "button", "L", ""),
    (r##"<label for="o">Result</label><output id="o">42</output>"##, "output", "Result", ""),
    (r##"<label for="m">Meter</label><meter id="m" value="3"></meter>"##, "meter", "Meter", ""),
    (r##"<label for="missing">Orphan</label><input id="i">"##, "input", "", ""),
    (r##"<label for="d">Not labelable</label><div id="d" role="textbox"></div>"##, "div", "", ""),
    (r##"<label>Outer <label>Inner <input></label></label>"##, "input", "Outer Inner", ""),
    // --- input buttons and images
    (r##"<input type="submit">"##, "input", "Submit", ""),
    (r##"<input type="reset">"##, "input", "Reset", ""),
    (r##"<input type="button">"##, "input", "", ""),
    (r##"<input type="button" title="t">"##, "input", "t", ""),
    (r##"<input type="submit" value="Send">"##, "input", "Send", ""),
    (r##"<label for="b">L</label><input type="submit" id="b" value="V">"##, "input", "L", "V"),
    (r##"<input type="image" title="t">"##, "input", "t", ""),
    (r##"<input type="image">"##, "input", "Submit", ""),
    (r##"<input type="image" value="v" title="t">"##, "input", "v", "t"),
    (r##"<input type="image" alt="a" value="v" title="t">"##, "input", "a", "t"),
    (r##"<label for="b">L</label><input type="image" id="b" alt="a">"##, "input", "L", ""),
    (r##"<input type="file">"##, "input", "Choose File", ""),
    (r##"<input type="checkbox" title="t">"##, "input", "t", ""),
    // --- placeholder and title
    (r##"<input title="tt" placeholder="ph">"##, "input", "tt", ""),
    (r##"<input placeholder="ph">"##, "input", "ph", ""),
    (r##"<input aria-placeholder="aph" title="tt">"##, "input", "tt", ""),
    (r##"<div role="textbox" aria-placeholder="aph" title="tt"></div>"##, "div", "aph", "tt"),
    (r##"<label for="i">L</label><input id="i" placeholder="p" title="t">"##, "input", "L", "t"),
    (r##"<label for="i">L</label><input id="i" placeholder="p">"##, "input", "L", ""),
    (r##"<textarea title="t" placeholder="p">val</textarea>"##, "textarea", "t", ""),
    (r##"<textarea placeholder="p">val</textarea>"##, "textarea", "p", ""),
    (r##"<select title="t"><option>A</option><option selected>B</option></select>"##, "select", "t", ""),
    (r##"<div role="button" tabindex="0" title="t"></div>"##, "div", "t", ""),
    (r##"<div role="button" tabindex="0" title="t">c</div>"##, "div", "c", "t"),
    (r##"<iframe title="fr"></iframe>"##, "iframe", "fr", ""),
    // --- images, SVG, figures, tables, fieldsets
    (r##"<img alt="x" title="t">"##, "img", "x", "t"),
    (r##"<img title="t">"##, "img", "t", ""),
    (r##"<img alt="" title="t">"##, "img", "", "t"),
    (r##"<a href="#"><img src="x.png" title="foo"></a>"##, "a", "foo", ""),
    (r##"<a href="#"><img role="presentation" alt="x"></a>"##, "a", "", ""),
    (r##"<a href="#"><img alt="Home"> page</a>"##, "a", "Home page", ""),
    (r##"<a href="#"><img alt=""> page</a>"##, "a", "page", ""),
    (r##"<svg><title>st</title><circle r="4"></circle></svg>"##, "svg", "st", ""),
    (r##"<svg role="img"><title>st</title></svg>"##, "svg", "st", ""),
    (r##"<svg role="img" aria-label="al"><title>st</title><desc>dd</desc></svg>"##, "svg", "al", "dd"),
    (r##"<button><svg><title>Close</title><path d="M0 0"></path></svg></button>"##, "button", "Close", ""),
    (r##"<figure><img alt="i"><figcaption>figc</figcaption></figure>"##, "figure", "", ""),
    (r##"<fieldset><legend>leg</legend>x</fieldset>"##, "fieldset", "leg", ""),
    (r##"<table><caption>cap</caption><tr><td>c</td></tr></table>"##, "table", "cap", ""),
    (r##"<table aria-label="al"><caption>cap</caption><tr><td>c</td></tr></table>"##, "table", "al", "cap"),
    (r##"<a href="#"><span role="checkbox">c</span>d</a>"##, "a", "c d", ""),
    (r##"<a href="#"><span role="heading">h</span>d</a>"##, "a", "hd", ""),
    (r##"<a href="#"><img alt="A">B</a>"##, "a", "A B", ""),
    (r##"<a href="#">x<input value="typed">y</a>"##, "a", "x typed y", ""),
    (r##"<a href="#"><span aria-labelledby="q"></span>x</a><i id="q">Q</i>"##, "a", "Q x", ""),
    (r##"<button><div role="navigation">x</div></button>"##, "button", "", ""),
    (r##"<h1><div role="group">g</div>x</h1>"##, "h1", "x", ""),
    (r##"<a href="#"><nav>nv</nav>x</a>"##, "a", "x", ""),
    (r##"<a href="#"><article>art</article>x</a>"##, "a", "x", ""),
    // --- name from content
    (r##"<button>a<span>b</span>c</button>"##, "button", "abc", ""),
    (r##"<button>a<br>b</button>"##, "button", "a b", ""),
    (r##"<button>  lots   of
        space </button>"##, "button", "lots of space", ""),
    (r##"<a href="#"><ul><li>one</li></ul></a>"##, "a", "one", ""),
    (r##"<button><table><tr><td>x</td></tr></table></button>"##, "button", "x", ""),
    (r##"<a href="#"><div role="navigation">nav</div> x</a>"##, "a", "x", ""),
    (r##"<a href="#"><div role="group">grp</div> x</a>"##, "a", "x", ""),
    (r##"<a href="#"><span role="img" aria-label="pic"></span> x <select><option>A</option><option selected>B</option></select></a>"##, "a", "pic x B", ""),
    (r##"<a href="#"><span title="foo"></span></a>"##, "a", "", ""),
    (r##"<a href="#" title="t"></a>"##, "a", "t", ""),
    (r##"<a href="#">Visible<span hidden> hidden</span><span aria-hidden="true"> ah</span></a>"##, "a", "Visible", ""),
    (r##"<a href="#">One <span style="visibility:hidden">two</span> three</a>"##, "a", "One three", ""),
    (r##"<a href="#"><span role="presentation">pres</span> text</a>"##, "a", "pres text", ""),
    (r##"<a href="#"><span role="none">none</span><b>bold</b></a>"##, "a", "nonebold", ""),
    (r##"<a href="#">x<script>var s = 1;</script><style>p{}</style>y</a>"##, "a", "xy", ""),
    (r##"<h2>Heading <small>sub</small></h2>"##, "h2", "Heading sub", ""),
    (r##"<div role="tooltip">tip</div>"##, "div", "tip", ""),
    (r##"<span role="term">term</span>"##, "span", "term", ""),
    (r##"<div tabindex="0">hello</div>"##, "div", "", ""),
    (r##"<p tabindex="0">para</p>"##, "p", "", ""),
    (r##"<ul><li>item</li></ul>"##, "li", "", ""),
    (r##"<label>lab</label>"##, "label", "", ""),
    (r##"<details><summary>sum</summary>x</details>"##, "summary", "sum", ""),
    (r##"<details><summary>sum</summary>x</details>"##, "details", "", ""),
    (r##"<select><option>A</option><option label="Bee">B</option></select>"##, "option@1", "Bee", ""),
    (r##"<select><option> Apple  pie </option></select>"##, "option", "Apple pie", ""),
    (r##"<div role="checkbox" aria-checked="false">Subscribe</div>"##, "div", "Subscribe", ""),
    (r##"<div role="row"><span role="cell">c1</span><span role="cell">c2</span></div>"##, "span@1", "c2", ""),
    (r##"<a href="#"><span role="button">inner</span>outer</a>"##, "a", "inner outer", ""),
    (r##"<button><input type="checkbox" aria-label="chk"> text</button>"##, "button", "chk text", ""),
    (r##"<a href="#">Go <input type="text" value="typed"></a>"##, "a", "Go typed", ""),
    (r##"<a href="#">Go <input type="text" value="typed" aria-label="ignored"></a>"##, "a", "Go typed", ""),
    (r##"<a href="#"><span aria-labelledby="l">x</span></a><span id="l">followed</span>"##, "a", "followed", ""),
    // --- descriptions
    (r##"<a href="#" aria-describedby="d" title="t">link</a><p id="d">desc</p>"##, "a", "link", "desc"),
    (r##"<a href="#" aria-describedby="d1 d2">link</a><p id="d1">one</p><p id="d2" hidden>two</p>"##, "a", "link", "one two"),
    (r##"<a href="#" aria-description="ad" title="t">link</a>"##, "a", "link", "ad"),
    (r##"<a href="#" title="t">link</a>"##, "a", "link", "t"),
    (r##"<a href="#" title="link">link</a>"##, "a", "link", ""),
    (r##"<button aria-describedby="missing" title="t">b</button>"##, "button", "b", "t"),
    (r##"<input type="text" aria-label="n" aria-describedby="h"><span id="h">Use <b>8</b> chars</span>"##, "input", "n", "Use 8 chars"),
    // --- embedded controls and titles inside other names, more widgets
    (r##"<a href="#"><input type="checkbox" title="t"></a>"##, "a", "t", ""),
    (r##"<a href="#"><abbr title="x">y</abbr></a>"##, "a", "y", ""),
    (r##"<input type="submit" value="V" title="t">"##, "input", "V", "t"),
    (r##"<input type="submit" title="t">"##, "input", "Submit", "t"),
    (r##"<input id="a" value="v"><button aria-labelledby="a">x</button>"##, "button", "v", ""),
    (r##"<input id="a" aria-labelledby="a" value="v" aria-label="x">"##, "input", "x", ""),
    (r##"<input id="a" aria-labelledby="a b" value="v"><span id="b">B</span>"##, "input", "v B", ""),
    (r##"<div id="a">Size <select><option>S</option><option selected>M</option></select></div><input aria-labelledby="a">"##, "input", "Size M", ""),
    (r##"<div id="a">Mail <input value="me"></div><input aria-labelledby="a">"##, "input@1", "Mail me", ""),
    (r##"<label><img alt="Search"><input></label>"##, "input", "Search", ""),
    (r##"<a href="#" title="tt"><img alt=""></a>"##, "a", "tt", ""),
    (r##"<a href="#"><svg role="img" aria-label="ic"></svg>Go</a>"##, "a", "ic Go", ""),
    (r##"<a href="#"><svg aria-hidden="true"><title>T</title></svg>Go</a>"##, "a", "Go", ""),
    (r##"<span id="a" role="presentation">pres text</span><button aria-labelledby="a"></button>"##, "button", "pres text", ""),
    (r##"<div role="button">Go <span role="img" aria-label="arrow"></span></div>"##, "div", "Go arrow", ""),
    (r##"<h2><img alt="Logo"> Company</h2>"##, "h2", "Logo Company", ""),
    (r##"<div role="listbox"><div role="option" aria-selected="true">A</div></div>"##, "div@1", "A", ""),
    (r##"<select size="3"><optgroup label="G"><option>o1</option></optgroup></select>"##, "optgroup", "G", ""),
    (r##"<button title="same">same</button>"##, "button", "same", ""),
    (r##"<button title="other">same</button>"##, "button", "same", "other"),
    (r##"<div id="d" hidden>hidden desc</div><button aria-describedby="d">b</button>"##, "button", "b", "hidden desc"),
    (r##"<div id="d">vis <span hidden>hid</span></div><button aria-describedby="d">b</button>"##, "button", "b", "vis"),
    (r##"<input id="c" type="checkbox"><label for="c">A <input type="checkbox" aria-label="inner"> B</label>"##, "input", "A inner B", ""),
    (r##"<a href="#">x<iframe title="fr"></iframe>y</a>"##, "a", "x fr y", ""),
    (r##"<a href="#">before<div>block</div>after</a>"##, "a", "before block after", ""),
    (r##"<table><tr><th>Head</th></tr><tr><td>Cell <a href="#">L</a></td></tr></table>"##, "th", "Head", ""),
    (r##"<table><tr><th>Head</th></tr><tr><td>Cell <a href="#">L</a></td></tr></table>"##, "td", "Cell L", ""),
    (r##"<table><tr><th>Head</th></tr></table>"##, "tr", "", ""),
    (r##"<div role="grid"><div role="row"><div role="gridcell">g1</div></div></div>"##, "div@1", "g1", ""),
    (r##"<div role="grid"><div role="row"><div role="gridcell">g1</div></div></div>"##, "div@2", "g1", ""),
    (r##"<ul role="menu"><li role="menuitem">Open <kbd>Ctrl</kbd></li></ul>"##, "li", "Open Ctrl", ""),
    (r##"<div role="tablist"><button role="tab">T1</button></div>"##, "button", "T1", ""),
    (r##"<div role="tree"><div role="treeitem">Node<div role="group"><div role="treeitem">Child</div></div></div></div>"##, "div@1", "Node", ""),
    (r##"<p id="a">P</p><div role="dialog" aria-labelledby="a">content</div>"##, "div", "P", ""),
    (r##"<section aria-label="sec">x</section>"##, "section", "sec", ""),
    (r##"<form aria-labelledby="a"></form><h2 id="a">F</h2>"##, "form", "F", ""),
    (r##"<dialog open><h2>T</h2></dialog>"##, "dialog", "", ""),
    (r##"<object title="ob"></object>"##, "object", "ob", ""),
    (r##"<input type="color">"##, "input", "", ""),
    (r##"<input type="search" placeholder="Search">"##, "input", "Search", ""),
    (r##"<input type="email" title="e">"##, "input", "e", ""),
    (r##"<input type="password" placeholder="pw">"##, "input", "pw", ""),
    (r##"<input type="range" title="r">"##, "input", "r", ""),
    (r##"<progress title="p" value="5" max="10"></progress>"##, "progress", "p", ""),
    (r##"<a href="#"><span style="display:contents">dc</span>z</a>"##, "a", "dc z", ""),
    // --- titles of text containers, hidden roots, values inside names
    (r##"<div title="t">x</div>"##, "div", "", "t"),
    (r##"<p title="t">x</p>"##, "p", "", "t"),
    (r##"<label>Click <button>Me</button></label>"##, "button", "Click", ""),
    (r##"<div hidden><button>x</button></div>"##, "button", "", ""),
    (r##"<button aria-labelledby=" ">x</button>"##, "button", "x", ""),
    (r##"<a href="#"><input type="image" alt="go"></a>"##, "a", "go", ""),
    (r##"<a href="#"><input type="image" src="x.png"></a>"##, "a", "Submit", ""),
    (r##"<a href="#"><button>btn</button></a>"##, "a", "btn", ""),
    (r##"<a href="#"><select multiple><option selected>A</option><option selected>B</option></select></a>"##, "a", "A B", ""),
    (r##"<a href="#"><progress value="3" max="10"></progress></a>"##, "a", "3", ""),
    (r##"<a href="#"><meter value="0.5"></meter></a>"##, "a", "0.5", ""),
    (r##"<a href="#"><span role="spinbutton" aria-valuenow="4.50"></span></a>"##, "a", "4.5", ""),
    (r##"<a href="#"><textarea>
line</textarea></a>"##, "a", "line", ""),
    (r##"<a href="#"><input type="password" value="secret"></a>"##, "a", "••••••", ""),
    (r##"<a href="#"><input type="checkbox" checked></a>"##, "a", "", ""),
    (r##"<a href="#"><span role="combobox">cb</span></a>"##, "a", "", ""),
    (r##"<a href="#"><div role="textbox" contenteditable>ed</div></a>"##, "a", "ed", ""),
    (r##"<a href="#"><span role="textbox" aria-label="al">tx</span></a>"##, "a", "tx", ""),
    (r##"<span id="l" role="textbox" aria-label="al">tx</span><button aria-labelledby="l"></button>"##, "button", "tx", ""),
    (r##"<a href="#"><fieldset><legend>L</legend>F</fieldset></a>"##, "a", "L", ""),
    (r##"<button><img src="x.png"></button>"##, "button", "", ""),
    (r##"<fieldset><legend>L <span hidden>h</span></legend></fieldset>"##, "fieldset", "L", ""),
    (r##"<fieldset aria-label="al"><legend>L</legend></fieldset>"##, "fieldset", "al", ""),
    (r##"<fieldset title="t"></fieldset>"##, "fieldset", "t", ""),
    (r##"<a href="#"><table><caption>Cap</caption><tr><td>d</td></tr></table></a>"##, "a", "Cap", ""),
    (r##"<img role="presentation" alt="x">"##, "img", "", ""),
];

/// The entry for `target` (`tag` or `tag@n`).
fn find<'e>(entries: &'e [curbcut::a11y::TreeEntry], target: &str) -> Option<&'e curbcut::a11y::TreeEntry> {
    let (tag, n) = match target.split_once('@') {
        Some((t, n)) => (t, n.parse::<usize>().ok()?),
        None => (target, 0),
    };
    entries.iter().filter(|e| e.tag == tag).nth(n)
}

#[test]
fn accname_cases() {
    assert!(CASES.len() >= 80, "keep at least 80 cases");
    let mut failures = Vec::new();
    for (i, (html, target, name, description)) in CASES.iter().enumerate() {
        let entries = match accessibility_tree(html, &Options::default()) {
            Ok(e) => e,
            Err(e) => {
                failures.push(format!("#{i} {html}: error {e}"));
                continue;
            }
        };
        let Some(entry) = find(&entries, target) else {
            failures.push(format!("#{i} {html}: no element {target}"));
            continue;
        };
        if entry.name != *name || entry.description != *description {
            failures.push(format!(
                "#{i} {html}\n    {target}: got name {:?} desc {:?}, want name {name:?} desc {description:?}",
                entry.name, entry.description
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

/// Deep content and reference cycles finish without exhausting the stack.
#[test]
fn deep_and_cyclic_inputs_are_bounded() {
    let depth = 600;
    let html = format!("<a href=\"#\">{}deep{}</a>", "<span>".repeat(depth), "</span>".repeat(depth));
    let entries = accessibility_tree(&html, &Options::default()).expect("parses");
    let link = entries.iter().find(|e| e.tag == "a").expect("link");
    assert_eq!(link.name, "deep");

    let cyclic = r#"<span id="a" aria-labelledby="b">A</span><span id="b" aria-labelledby="a">B</span>
        <label id="l" for="i">L <label for="i" aria-labelledby="l">M</label></label><input id="i">"#;
    let entries = accessibility_tree(cyclic, &Options::default()).expect("parses");
    assert!(entries.iter().any(|e| e.tag == "input"));
}
