// Remembers the light/dark choice for a year; App.razor reads the cookie so a reload paints in the chosen mode.
export function saveTheme(name, value) {
    document.cookie = `${name}=${value}; path=/; max-age=31536000; samesite=lax`;
}
