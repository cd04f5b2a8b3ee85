// The drafting page's safety net in the browser itself, so that it works while the circuit is down: every keystroke in
// the title or body (the rich-text editor's HTML, announced by its 'bodychange' event) is copied to localStorage (cleared once the server has stored that very text), and closing the tab
// or leaving for another site asks first while anything typed is not yet saved.
const pages = new Map();

function fields(root) {
    const editor = root.querySelector('[data-backup=body] [data-body-editor]')?.bodyEditor;
    return {
        title: root.querySelector('[data-backup=title] input')?.value ?? '',
        body: editor ? editor.getHtml() : '',
    };
}

function onBeforeUnload(event) {
    for (const page of pages.values()) {
        if (page.dirty) {
            event.preventDefault();
            event.returnValue = '';
            return;
        }
    }
}

export function attach(root, key) {
    detach(key);
    const page = { root, dirty: false };
    page.onInput = event => {
        if (!event.target.closest('[data-backup]')) return;
        const { title, body } = fields(root);
        page.dirty = true;
        try {
            localStorage.setItem(key, JSON.stringify({ title, body, at: Date.now() }));
        } catch {
            // Storage full or disabled: the warning on leaving still protects the text.
        }
    };
    root.addEventListener('input', page.onInput);
    root.addEventListener('bodychange', page.onInput);
    if (pages.size === 0) window.addEventListener('beforeunload', onBeforeUnload);
    pages.set(key, page);
}

/** The copy this browser kept, if any: { title, body, at } with at in milliseconds since 1970 (UTC). */
export function stored(key) {
    try {
        const text = localStorage.getItem(key);
        return text ? JSON.parse(text) : null;
    } catch {
        return null;
    }
}

/**
 * The server stored this title and body: the copy goes if it holds exactly that. Typing during the round trip rewrote the
 * copy, so it then differs and stays (the fields themselves may not show a restored text yet when this arrives).
 */
export function saved(key, title, body) {
    const copy = stored(key);
    if (copy && (copy.title !== title || copy.body !== body)) return;
    const page = pages.get(key);
    if (page) page.dirty = false;
    localStorage.removeItem(key);
}

export function discard(key) {
    localStorage.removeItem(key);
    const page = pages.get(key);
    if (page) page.dirty = false;
}

export function detach(key) {
    const page = pages.get(key);
    if (!page) return;
    page.root.removeEventListener('input', page.onInput);
    page.root.removeEventListener('bodychange', page.onInput);
    pages.delete(key);
    if (pages.size === 0) window.removeEventListener('beforeunload', onBeforeUnload);
}
