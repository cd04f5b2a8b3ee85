// The draft body's rich-text editor: Tiptap 3 (ProseMirror) limited to what a stored body may hold (BodyHtml's allow-list),
// bundled by the App's build into wwwroot/lib/body-editor/body-editor.js and imported only by RichBodyEditor.
// The HTML goes to .NET as a stream (a full-length body is larger than the circuit's message limit), debounced while
// typing and at once on leaving the editor; never in the middle of an IME composition.
import { Editor, Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import TextAlign from '@tiptap/extension-text-align';
import Image from '@tiptap/extension-image';

const SendDelayMs = 500;
const StateDelayMs = 150;
const MaxIndent = 8;

/** BodyHtml's 「字数」: each CJK character or full-width mark counts one, each run of other non-space characters one. */
export function wordCount(text) {
    let count = 0;
    let inWord = false;
    for (const ch of text) {
        const c = ch.codePointAt(0);
        if (/\s/u.test(ch)) inWord = false;
        else if (isWide(c)) { count++; inWord = false; }
        else if (!inWord) { count++; inWord = true; }
    }
    return count;
}

// Cjk.IsWide, the same ranges.
function isWide(c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

// Paragraph and heading indentation as BodyHtml stores it: padding-left in 2em steps (two Chinese characters).
const Indent = Extension.create({
    name: 'indent',
    addGlobalAttributes() {
        return [{
            types: ['paragraph', 'heading'],
            attributes: {
                indent: {
                    default: 0,
                    parseHTML: element => {
                        const em = /^([\d.]+)em$/.exec(element.style.paddingLeft || '');
                        return em ? Math.min(MaxIndent, Math.max(0, Math.round(parseFloat(em[1]) / 2))) : 0;
                    },
                    renderHTML: attributes => attributes.indent > 0 ? { style: `padding-left: ${attributes.indent * 2}em` } : {},
                },
            },
        }];
    },
    addCommands() {
        const step = delta => () => ({ tr, state, dispatch }) => {
            let changed = false;
            state.doc.nodesBetween(state.selection.from, state.selection.to, (node, pos) => {
                if (node.type.name !== 'paragraph' && node.type.name !== 'heading') return true;
                const indent = Math.min(MaxIndent, Math.max(0, (node.attrs.indent || 0) + delta));
                if (indent !== node.attrs.indent) {
                    tr.setNodeMarkup(pos, undefined, { ...node.attrs, indent });
                    changed = true;
                }
                return false;
            });
            if (changed && dispatch) dispatch(tr);
            return changed;
        };
        return { indentBlock: step(1), outdentBlock: step(-1) };
    },
});

const allowedLink = url => /^(https?:|mailto:)/i.test(url.trim());

/** Word's clipboard refers to its images as file:/// paths the browser may not read: they are dropped and counted. */
function dropLocalImages(html, onDropped) {
    let dropped = 0;
    const cleaned = html
        .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
        .replace(/<img\b[^>]*\bsrc\s*=\s*["']?file:[^>]*>/gi, () => { dropped++; return ''; })
        .replace(/<v:imagedata\b[^>]*>/gi, () => { dropped++; return ''; });
    if (dropped > 0) onDropped(dropped);
    return cleaned;
}

const LeadingMarker = /^[\s\u00A0]*([(（]?(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[①-⑳])[.．、)）]?|[·•▪■◆●○◇□➢Ø§])[\s\u00A0]+/;

/** WordLists.IsOrdered: numbers (1. 1、 (1) 一、 ① a. iv.) make an ordered list; bullets do not. */
function isOrdered(marker) {
    const text = marker.replace(/[\s\u00A0]/g, '');
    if (!text) return false;
    if (/[0-9一二三四五六七八九十百零〇①-⑳]/.test(text)) return true;
    return /^[(（]?(?:[a-zA-Z]|[ivxlcdmIVXLCDM]{1,5})[.．、)）]$/.test(text);
}

/**
 * Word and WPS put a list on the clipboard as paragraphs (mso-list:l0 level2 lfo1) with the number typed into a
 * mso-list:Ignore span; the editor's schema would keep them as paragraphs starting with "1.". As BodyHtml's WordLists
 * does on the server, runs of such paragraphs become nested ol/ul before the editor parses the paste.
 */
function convertWordLists(doc) {
    const items = [];
    for (const p of doc.body.querySelectorAll('p')) {
        const style = p.getAttribute('style') || '';
        const list = /mso-list:\s*(l\d+)\s+level(\d+)/i.exec(style);
        if (!list && !/MsoListParagraph/i.test(p.className)) continue;
        const marker = Array.from(p.querySelectorAll('[style]')).find(e => /mso-list:\s*ignore/i.test(e.getAttribute('style')));
        let markerText = '';
        if (marker) {
            markerText = marker.textContent;
            marker.remove();
        } else {
            const leading = LeadingMarker.exec(p.textContent);
            if (leading) {
                markerText = leading[1];
                stripLeading(p, leading[0].length);
            }
        }
        items.push({ p, level: list ? Math.min(9, Math.max(1, parseInt(list[2], 10))) : 1, ordered: isOrdered(markerText) });
    }
    let run = [];
    for (const item of items) {
        if (run.length > 0 && !adjacent(run[run.length - 1].p, item.p)) {
            nest(doc, run);
            run = [];
        }
        run.push(item);
    }
    if (run.length > 0) nest(doc, run);
}

function adjacent(previous, next) {
    for (let node = previous.nextSibling; node; node = node.nextSibling) {
        if (node === next) return true;
        if (node.nodeType === Node.ELEMENT_NODE) return false;
        if (node.nodeType === Node.TEXT_NODE && node.data.replace(/\u00A0/g, ' ').trim()) return false;
    }
    return false;
}

function nest(doc, run) {
    const make = ordered => doc.createElement(ordered ? 'ol' : 'ul');
    const root = make(run[0].ordered);
    run[0].p.before(root);
    const stack = [{ list: root, level: run[0].level }];
    for (const item of run) {
        while (stack.length > 1 && item.level < stack[stack.length - 1].level) stack.pop();
        let top = stack[stack.length - 1];
        if (item.level > top.level) {
            const sub = make(item.ordered);
            (top.list.lastElementChild ?? top.list).appendChild(sub);
            top = { list: sub, level: item.level };
            stack.push(top);
        }
        const li = doc.createElement('li');
        item.p.removeAttribute('class');
        item.p.removeAttribute('style');
        li.appendChild(item.p);
        top.list.appendChild(li);
    }
}

function stripLeading(element, length) {
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && length > 0; node = walker.nextNode()) {
        const cut = Math.min(length, node.data.length);
        node.data = node.data.slice(cut);
        length -= cut;
    }
}

function cleanPastedHtml(html, onDropped) {
    const withoutLocal = dropLocalImages(html, onDropped);
    if (!/mso-list|MsoListParagraph/i.test(withoutLocal)) return withoutLocal;
    const doc = new DOMParser().parseFromString(withoutLocal, 'text/html');
    convertWordLists(doc);
    return doc.body.innerHTML;
}

function imageFiles(dataTransfer) {
    return Array.from(dataTransfer?.files ?? []).filter(f => f.type.startsWith('image/'));
}

// Decoded here rather than fetched: the app's Content-Security-Policy (connect-src 'self') refuses fetching a data: URL.
function dataUrlToBlob(url) {
    const match = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/is.exec(url);
    if (!match) throw new Error('not a data URL');
    const type = match[1].toLowerCase();
    const bytes = /;base64/i.test(match[2])
        ? Uint8Array.from(atob(match[3].replace(/\s/g, '')), c => c.charCodeAt(0))
        : new TextEncoder().encode(decodeURIComponent(match[3]));
    return new Blob([bytes], { type });
}

function extensionOf(type) {
    return ({ 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/bmp': 'bmp' })[type] || 'png';
}

function ensureStylesheet() {
    const href = new URL('./body-editor.css', import.meta.url).href;
    if (document.querySelector(`link[href="${href}"]`)) return;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.appendChild(link);
}

/**
 * Creates the editor inside <paramref name="host"/>. dotnet receives: ReceiveHtml(stream), Blurred(), State(state),
 * UploadImage(name, type, stream) → url | null, Notice(code). Returns the handle .NET and the page's backup use.
 */
export async function create(host, dotnet, options, initialHtml) {
    ensureStylesheet();
    // The first content comes with the creation: a later push could overwrite what was typed in between.
    const initial = initialHtml ? new TextDecoder().decode(await initialHtml.arrayBuffer()) : '';
    const mount = host.querySelector('[data-editor-content]');
    const counter = host.querySelector('[data-word-count]');
    let sendTimer = null;
    let stateTimer = null;
    let sending = Promise.resolve();
    let lastSent = initial;
    let lastState = '';
    let uploads = 0;
    let imageNumber = 0;
    let disposed = false;

    const call = (method, ...args) => disposed ? Promise.resolve(null) : dotnet.invokeMethodAsync(method, ...args).catch(() => null);

    const editor = new Editor({
        element: mount,
        editable: !options.readOnly,
        content: initial,
        extensions: [
            StarterKit.configure({
                heading: { levels: [2, 3] },
                code: false,
                codeBlock: false,
                strike: false,
                link: {
                    openOnClick: false,
                    autolink: true,
                    defaultProtocol: 'https',
                    protocols: ['mailto'],
                    isAllowedUri: url => allowedLink(url),
                    HTMLAttributes: { rel: 'noopener noreferrer', target: null },
                },
            }),
            TableKit.configure({ table: { resizable: false } }),
            TextAlign.configure({ types: ['heading', 'paragraph'], alignments: ['left', 'center', 'right', 'justify'] }),
            Image.configure({ inline: true, allowBase64: true }),
            Indent,
        ],
        editorProps: {
            // A screen reader names the field as a label names a text box (the host passes 正文, 正文模板…).
            attributes: { class: 'body-editor-content', spellcheck: 'false', 'aria-label': options.label ?? '', 'aria-multiline': 'true' },
            transformPastedHTML: html => cleanPastedHtml(html, () => call('Notice', 'LocalImagesDropped')),
            handlePaste: (view, event) => {
                const files = imageFiles(event.clipboardData);
                // A clipboard with HTML as well (Word, a web page) is pasted as HTML; its data: images are uploaded below.
                if (files.length === 0 || event.clipboardData.getData('text/html')) return false;
                event.preventDefault();
                files.forEach(file => uploadFile(file, view.state.selection.from));
                return true;
            },
            handleDrop: (view, event) => {
                const files = imageFiles(event.dataTransfer);
                if (files.length === 0) return false;
                event.preventDefault();
                const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from;
                files.forEach(file => uploadFile(file, at));
                return true;
            },
        },
    });

    function html() {
        return editor.isEmpty ? '' : editor.getHTML();
    }

    function showCount() {
        if (counter) counter.textContent = String(count());
    }

    function count() {
        const doc = editor.state.doc;
        return wordCount(doc.textBetween(0, doc.content.size, '\n', '\n'));
    }

    // Sends are chained, so .NET receives them in order; an unchanged body is not sent again.
    function send() {
        clearTimeout(sendTimer);
        sendTimer = null;
        if (editor.view.composing || uploads > 0) {
            scheduleSend();
            return sending;
        }
        const text = html();
        if (text === lastSent) return sending;
        lastSent = text;
        sending = sending.then(() => call('ReceiveHtml', DotNet.createJSStreamReference(new Blob([text], { type: 'text/html' }))));
        return sending;
    }

    function scheduleSend() {
        clearTimeout(sendTimer);
        sendTimer = setTimeout(send, SendDelayMs);
    }

    function state() {
        const align = ['left', 'center', 'right', 'justify'].find(a => editor.isActive({ textAlign: a })) ?? 'left';
        return {
            paragraph: editor.isActive('paragraph') && !editor.isActive('heading'),
            heading2: editor.isActive('heading', { level: 2 }),
            heading3: editor.isActive('heading', { level: 3 }),
            bold: editor.isActive('bold'),
            italic: editor.isActive('italic'),
            underline: editor.isActive('underline'),
            orderedList: editor.isActive('orderedList'),
            bulletList: editor.isActive('bulletList'),
            align,
            inTable: editor.isActive('table'),
            link: editor.isActive('link') ? (editor.getAttributes('link').href ?? '') : null,
            canUndo: editor.can().undo(),
            canRedo: editor.can().redo(),
            canMerge: editor.can().mergeCells(),
            canSplit: editor.can().splitCell(),
        };
    }

    function reportState() {
        clearTimeout(stateTimer);
        stateTimer = setTimeout(() => {
            if (disposed || editor.isDestroyed) return;
            const now = state();
            const text = JSON.stringify(now);
            if (text === lastState) return;
            lastState = text;
            call('State', now);
        }, StateDelayMs);
    }

    async function upload(blob, name) {
        uploads++;
        try {
            return await call('UploadImageAsync', name, blob.type || 'application/octet-stream', DotNet.createJSStreamReference(blob));
        } finally {
            uploads--;
        }
    }

    function nextName(type) {
        imageNumber++;
        const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
        return `image-${stamp}-${imageNumber}.${extensionOf(type)}`;
    }

    async function uploadFile(file, at) {
        const url = await upload(file, file.name && file.name !== 'image.png' ? file.name : nextName(file.type));
        if (url && !editor.isDestroyed) editor.chain().focus().insertContentAt(Math.min(at, editor.state.doc.content.size), { type: 'image', attrs: { src: url } }).run();
    }

    // Images pasted as data: URLs become attachments; the ones that could not be stored are removed.
    async function uploadDataImages() {
        const found = [];
        editor.state.doc.descendants((node) => {
            if (node.type.name === 'image' && /^data:/i.test(node.attrs.src ?? '') && !node.attrs.uploading) found.push(node.attrs.src);
        });
        if (found.length === 0) return;
        // Counted from the start, so that no send carries the data: URLs while they are being read.
        uploads++;
        try {
            for (const src of new Set(found)) {
                let url = null;
                try {
                    const blob = dataUrlToBlob(src);
                    if (blob.type.startsWith('image/')) url = await upload(blob, nextName(blob.type));
                } catch {
                    url = null;
                }
                replaceImage(src, url);
            }
        } finally {
            uploads--;
        }
    }

    function replaceImage(src, url) {
        if (editor.isDestroyed) return;
        const tr = editor.state.tr;
        const positions = [];
        editor.state.doc.descendants((node, pos) => {
            if (node.type.name === 'image' && node.attrs.src === src) positions.push(pos);
        });
        for (const pos of positions.reverse()) {
            if (url) tr.setNodeMarkup(pos, undefined, { ...tr.doc.nodeAt(pos).attrs, src: url });
            else tr.delete(pos, pos + 1);
        }
        if (positions.length > 0) editor.view.dispatch(tr);
    }

    editor.on('update', ({ transaction }) => {
        showCount();
        // The page's browser-side backup copies what was typed, not what the server handed in.
        if (!transaction.getMeta('fromDotNet')) host.dispatchEvent(new CustomEvent('bodychange', { bubbles: true }));
        if (transaction.getMeta('paste') || transaction.getMeta('uiEvent') === 'paste' || transaction.getMeta('uiEvent') === 'drop') uploadDataImages();
        if (!transaction.getMeta('fromDotNet')) scheduleSend();
    });
    // Any transaction may change what the toolbar shows (a stored mark after 加粗 with nothing selected changes no text).
    editor.on('transaction', reportState);
    editor.on('blur', async () => {
        await send();
        call('Blurred');
    });
    // Clicking a toolbar button must not take the focus (and the selection) away from the text.
    const keepFocus = event => { if (event.target.closest('[data-editor-toolbar] button')) event.preventDefault(); };
    host.addEventListener('mousedown', keepFocus);

    const handle = {
        editor,
        getHtml: html,
        wordCount: count,
        async setHtml(text) {
            lastSent = text;
            editor.chain().setMeta('fromDotNet', true).setMeta('addToHistory', false).setContent(text || '', { emitUpdate: true }).run();
            showCount();
            reportState();
        },
        async setHtmlFromStream(streamRef) {
            const text = streamRef ? new TextDecoder().decode(await streamRef.arrayBuffer()) : '';
            await handle.setHtml(text);
        },
        setReadOnly(readOnly) {
            editor.setEditable(!readOnly);
        },
        flush: () => send(),
        run(command, argument) {
            const chain = editor.chain().focus();
            switch (command) {
                case 'paragraph': chain.setParagraph(); break;
                case 'heading2': chain.toggleHeading({ level: 2 }); break;
                case 'heading3': chain.toggleHeading({ level: 3 }); break;
                case 'bold': chain.toggleBold(); break;
                case 'italic': chain.toggleItalic(); break;
                case 'underline': chain.toggleUnderline(); break;
                case 'orderedList': chain.toggleOrderedList(); break;
                case 'bulletList': chain.toggleBulletList(); break;
                case 'indent':
                    if (editor.isActive('listItem')) chain.sinkListItem('listItem'); else chain.indentBlock();
                    break;
                case 'outdent':
                    if (editor.isActive('listItem')) chain.liftListItem('listItem'); else chain.outdentBlock();
                    break;
                case 'align': chain.setTextAlign(argument); break;
                case 'insertTable': chain.insertTable({ rows: 3, cols: 3, withHeaderRow: false }); break;
                case 'addRow': chain.addRowAfter(); break;
                case 'deleteRow': chain.deleteRow(); break;
                case 'addColumn': chain.addColumnAfter(); break;
                case 'deleteColumn': chain.deleteColumn(); break;
                case 'mergeCells': chain.mergeCells(); break;
                case 'splitCell': chain.splitCell(); break;
                case 'deleteTable': chain.deleteTable(); break;
                case 'link':
                    if (!argument) chain.extendMarkRange('link').unsetLink();
                    else if (allowedLink(argument)) chain.extendMarkRange('link').setLink({ href: argument.trim() });
                    break;
                case 'horizontalRule': chain.setHorizontalRule(); break;
                case 'undo': chain.undo(); break;
                case 'redo': chain.redo(); break;
                default: return false;
            }
            return chain.run();
        },
        dispose() {
            disposed = true;
            clearTimeout(sendTimer);
            clearTimeout(stateTimer);
            host.removeEventListener('mousedown', keepFocus);
            delete host.bodyEditor;
            editor.destroy();
        },
    };
    // The page's browser-side backup and the browser tests reach the editor through its host element.
    host.bodyEditor = handle;
    showCount();
    return handle;
}
