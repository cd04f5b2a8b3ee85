// Starts Blazor (blazor.web.js is loaded with autostart="false") with one addition: when the server refuses a page's
// live connection for a reason people can act on (too many windows open), it sends that reason first, and the error
// bar shows it instead of its general text.
Blazor.start({
    circuit: {
        configureSignalR: builder => {
            const build = builder.build.bind(builder);
            builder.build = () => {
                const connection = build();
                connection.on('PartyAffairs.Refused', reason => {
                    const text = document.querySelector('#blazor-error-ui [data-error-text]');
                    if (text && typeof reason === 'string') text.textContent = reason;
                });
                return connection;
            };
        },
    },
});
