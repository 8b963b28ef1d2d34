/** The installed app's colours: the brand teal of app/layout.tsx's themeColor and globals.css. */
export const THEME_COLOR = "#0f766e"
export const BACKGROUND_COLOR = "#ffffff"
