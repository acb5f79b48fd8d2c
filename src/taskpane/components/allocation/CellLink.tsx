/** A click-to-cell link: selects the cell in the workbook (port.selectCell). */
import { Link } from '@fluentui/react-components';
import { useI18n } from '../../i18n';

export interface CellLinkProps {
  sheet: string;
  cell: string;
  onSelect(sheet: string, cell: string): void;
  className?: string;
}

export function CellLink({ sheet, cell, onSelect, className }: CellLinkProps) {
  const { t } = useI18n();
  const place = `${sheet}!${cell}`;
  return (
    <Link as="button" className={className} aria-label={t('allocation.goToCell', { place })} onClick={() => onSelect(sheet, cell)}>
      {place}
    </Link>
  );
}
