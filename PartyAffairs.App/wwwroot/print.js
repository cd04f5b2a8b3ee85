// Print buttons on the print views: a listener here rather than an inline onclick, which the Content-Security-Policy refuses.
document.addEventListener('click', event => {
    if (event.target instanceof Element && event.target.closest('[data-print]')) window.print();
});
