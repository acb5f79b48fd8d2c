/** The media query under which the system's colours replace the theme's (Windows high contrast): charts name their system colours for it. */
export const FORCED_COLORS = '@media (forced-colors: active)';
