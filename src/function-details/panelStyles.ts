import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

// The Function Details panel's styles, shared by its parts.
export const getPanelStyles = (theme: GrafanaTheme2) => ({
  panel: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
    padding: theme.spacing(2),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.primary,
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  rows: css({
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: theme.spacing(0.75, 2),
    margin: 0,
  }),
  row: css({ display: 'contents' }),
  label: css({ color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium }),
  value: css({ margin: 0, minWidth: 0 }),
  ellipsis: css({ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
  // Long paths keep their end (the file name) visible.
  ellipsisLeft: css({
    display: 'block',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    direction: 'rtl',
    textAlign: 'left',
    minWidth: 0,
    fontFamily: theme.typography.fontFamilyMonospace,
  }),
  callSite: css({ display: 'flex', alignItems: 'flex-start', gap: theme.spacing(0.5), minWidth: 0 }),
  wrapped: css({
    minWidth: 0,
    fontFamily: theme.typography.fontFamilyMonospace,
    overflowWrap: 'anywhere',
    whiteSpace: 'normal',
  }),
  // Many or long versions go onto more lines instead of running out of the panel.
  // In a narrow panel a long one is cut with an ellipsis (the whole text is its title and tooltip).
  wrapRadios: css({
    flexWrap: 'wrap',
    height: 'auto',
    rowGap: 2,
    maxWidth: '100%',
    '& > div': { minWidth: 0, maxWidth: '100%' },
    // Grafana's label is a centring flex box, which cannot show an ellipsis: a plain block can.
    '& label': {
      display: 'block',
      maxWidth: '100%',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      textAlign: 'left',
    },
  }),
  inlineLoading: css({ marginBottom: 0 }),
  commit: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), marginTop: theme.spacing(0.5) }),
  avatar: css({ width: 20, height: 20, borderRadius: '50%' }),
});
