// Loads the islands' module once the browser is idle and hydrates every
// <leptos-island> on the page, outermost first. This is the protocol of
// leptos 0.8's islands mode (its `island_script.js`), written out here
// because `HydrationScripts` also puts preloads of the module and the wasm
// into the head, which the storefront must not have (see built_assets.rs).
// Called with the package directory and the hashed file names.
((pkg, js, wasm) => {
  // An island's `<leptos-children>` must be told to hydrate before an island
  // nested in them does; these are the callbacks of the enclosing ones.
  const childrenReady = [];

  async function hydrateIsland(element, name, mod) {
    const island = mod[name];
    if (!island) {
      console.warn(`No wasm function for the island ${name}.`);
      return;
    }
    const ready = childrenReady[childrenReady.length - 1];
    if (ready) ready();
    await island(element);
  }

  async function walk(node, mod) {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const tag = node.tagName.toLowerCase();
    if (tag === "leptos-island") {
      await hydrateIsland(node, node.dataset.component || null, mod);
    }
    const isChildren = tag === "leptos-children";
    if (isChildren) childrenReady.push(node.$$on_hydrate);
    for (const child of node.children) await walk(child, mod);
    if (isChildren) childrenReady.pop();
  }

  function start() {
    import(`/${pkg}/${js}`).then(async (mod) => {
      window.__hydrateIsland = (element, name) => hydrateIsland(element, name, mod);
      await mod.default({ module_or_path: `/${pkg}/${wasm}` });
      mod.hydrate();
      await walk(document.body, mod);
    });
  }

  if ("requestIdleCallback" in window) requestIdleCallback(start);
  else start();
})
