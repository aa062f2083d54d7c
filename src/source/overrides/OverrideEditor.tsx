// The pen by the repository: a form to set repository, ref and root path for this data source and service,
// with reset for this service and reset all.
import { t, Trans } from '@grafana/i18n';
import React, { useState } from 'react';
import { Alert, Button, ConfirmButton, Field, IconButton, Input, Modal, Stack, Text } from '@grafana/ui';
import { PLAIN_TEXT } from '../../constants';
import type { SourceVersion } from '../../domain/model';
import type { KnownHost } from '../../domain/repository';
import { SOURCE_PROVIDERS } from '../providers/table';
import { validateOverride, type OverrideForm } from './store';
import { useOverrideActions } from './useVersionOverride';

export interface OverrideEditorProps {
  dataSourceUid: string;
  serviceName?: string;
  /** The version in use now, to start the form from when there is no override yet. */
  current?: SourceVersion;
  /** The source server's own Git hosts (a self-managed GitLab, maybe below a path), read by their layout. */
  hosts?: readonly KnownHost[];
  onDismiss: () => void;
}

/** The Git hosts the panel reads from (the providers' table), as people know them: "GitHub, GitLab, …". */
function providerNames(): string {
  return Object.values(SOURCE_PROVIDERS)
    .map((provider) => provider.name)
    .join(', ');
}

/** The form's fields, in order; each id is also the field's test id. */
const fields = (): Array<{
  key: keyof OverrideForm;
  id: string;
  label: string;
  description: string;
  placeholder?: string;
  required?: boolean;
}> => [
  {
    key: 'repository',
    id: 'override-repository',
    label: t('source.override-editor.label-repository-url', 'Repository URL'),
    description: t(
      'source.override-editor.description-repository-url',
      'For example https://github.com/owner/repo; any {{hosts}} repository URL works (GitHub Enterprise too, GitLab groups may nest)',
      { hosts: providerNames(), interpolation: PLAIN_TEXT }
    ),
    placeholder: t('source.override-editor.placeholder-repository-url', 'https://github.com/owner/repo'),
    required: true,
  },
  {
    key: 'ref',
    id: 'override-ref',
    label: t('source.override-editor.label-ref', 'Ref'),
    description: t('source.override-editor.description-ref', 'Commit sha, branch or tag; empty means HEAD'),
    placeholder: t('source.override-editor.placeholder-ref', 'HEAD'),
  },
  {
    key: 'rootPath',
    id: 'override-root-path',
    label: t('source.override-editor.label-root-path', 'Root path'),
    description: t(
      'source.override-editor.description-root-path',
      'Where the service lives inside the repository; empty for the repository root'
    ),
  },
];

export function OverrideEditor({ dataSourceUid, serviceName, current, hosts, onDismiss }: OverrideEditorProps) {
  const { override, save, reset, resetAll } = useOverrideActions({ datasourceUid: dataSourceUid, serviceName });
  const start = override ?? current;
  const [form, setForm] = useState<OverrideForm>({
    repository: start?.repository ?? '',
    ref: start?.gitRef ?? '',
    rootPath: start?.rootPath ?? '',
  });
  const [submitted, setSubmitted] = useState(false);
  const result = validateOverride(form, hosts);
  const errors = submitted && !result.ok ? result.errors : {};
  const set = (key: keyof OverrideForm) => (e: React.FormEvent<HTMLInputElement>) =>
    setForm({ ...form, [key]: e.currentTarget.value });

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (result.ok) {
      save(result.value);
      onDismiss();
    }
  };

  return (
    <Modal
      title={
        override
          ? t('source.override-editor.title-edit', 'Edit the repository override')
          : t('source.override-editor.title-new', 'Override repository, ref and root path')
      }
      isOpen
      onDismiss={onDismiss}
    >
      <form onSubmit={onSubmit} data-testid="override-form" noValidate>
        <Alert severity="info" title={t('source.override-editor.title-for-this-browser-only', 'For this browser only')}>
          {t(
            'source.override-editor.applies-to-service',
            "Use this when the profiles' labels are wrong or missing. It applies to service"
          )}{' '}
          <strong>{serviceName || t('source.override-editor.unnamed-service', '(unnamed)')}</strong>{' '}
          {t('source.override-editor.on-data-source', 'on data source')} <code>{dataSourceUid}</code>
          {t(
            'source.override-editor.until-reset',
            ', in this browser, until you reset it, and beats both the labels and the version in the profile.'
          )}
        </Alert>
        {fields().map((field, i) => (
          <Field
            key={field.key}
            label={field.label}
            description={field.description}
            required={field.required}
            invalid={!!errors[field.key]}
            error={errors[field.key]}
          >
            <Input
              id={field.id}
              value={form[field.key]}
              onChange={set(field.key)}
              placeholder={field.placeholder}
              data-testid={field.id}
              autoFocus={i === 0}
            />
          </Field>
        ))}
        <Modal.ButtonRow
          leftItems={
            <Stack direction="row" gap={1}>
              {override && (
                <Button
                  variant="destructive"
                  fill="outline"
                  type="button"
                  onClick={() => {
                    reset();
                    onDismiss();
                  }}
                  data-testid="override-reset"
                >
                  <Trans i18nKey="source.override-editor.reset-for-this-service">Reset for this service</Trans>
                </Button>
              )}
              <ConfirmButton
                confirmText={t('source.override-editor.override-reset-all-confirmText-reset-all', 'Reset all')}
                confirmVariant="destructive"
                onConfirm={resetAll}
                data-testid="override-reset-all"
              >
                {/* ConfirmButton gives its child a ref: plain text, not a component. */}
                {t('source.override-editor.reset-all-overrides', 'Reset all overrides')}
              </ConfirmButton>
            </Stack>
          }
        >
          <Button variant="secondary" type="button" onClick={onDismiss}>
            <Trans i18nKey="source.override-editor.cancel">Cancel</Trans>
          </Button>
          <Button type="submit" data-testid="override-save">
            <Trans i18nKey="source.override-editor.save">Save</Trans>
          </Button>
        </Modal.ButtonRow>
      </form>
    </Modal>
  );
}

/** The pen button, with the "(overridden)" marker when an override is active. */
export function OverrideButton({
  dataSourceUid,
  serviceName,
  current,
  hosts,
  showMarker = true,
}: Omit<OverrideEditorProps, 'onDismiss'> & { showMarker?: boolean }) {
  const [open, setOpen] = useState(false);
  const { override } = useOverrideActions({ datasourceUid: dataSourceUid, serviceName });
  return (
    <>
      <IconButton
        name="pen"
        aria-label={t(
          'source.override-button.override-open-aria-label-override-repository-ref-and-root-path',
          'Override repository, ref and root path'
        )}
        tooltip={t(
          'source.override-button.override-open-tooltip-override-repository-ref-and-root-path',
          'Override repository, ref and root path'
        )}
        data-testid="override-open"
        onClick={() => setOpen(true)}
      />
      {override && showMarker && (
        <Text color="secondary" data-testid="override-marker">
          <Trans i18nKey="source.override-button.overridden">(overridden)</Trans>
        </Text>
      )}
      {open && (
        <OverrideEditor
          dataSourceUid={dataSourceUid}
          serviceName={serviceName}
          current={override ?? current}
          hosts={hosts}
          onDismiss={() => setOpen(false)}
        />
      )}
    </>
  );
}
