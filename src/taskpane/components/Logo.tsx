/** The Budgetkoll mark: a blue rounded square with three white bars and a check, as in the icons. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="32" height="32" rx="7" fill="#0F6CBD" />
      <rect x="6" y="17" width="4.5" height="9" rx="1" fill="#FFFFFF" />
      <rect x="13.75" y="12" width="4.5" height="14" rx="1" fill="#FFFFFF" />
      <rect x="21.5" y="20" width="4.5" height="6" rx="1" fill="#FFFFFF" />
      <path d="M6 9.5 L10 13 L17 6" fill="none" stroke="#FFFFFF" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
