import {
  importErrorsSchema,
  importListSchema,
  importPreviewSchema,
  importSchema,
  type ImportListResponse,
  type ImportPreviewResponse,
  type ImportResponse,
} from '@rightly/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client';
import { buildImportForm, type ImportChoices } from './import-model';

/** A preview reads this much of the file: many times the rows it shows, little to upload. */
export const PREVIEW_SLICE_BYTES = 512 * 1024;

export const IMPORTS_KEY = ['imports'] as const;

export function fetchImports(signal?: AbortSignal): Promise<ImportListResponse> {
  return api.request('/api/v1/imports?limit=50', importListSchema, signal ? { signal } : {});
}

export function fetchImport(id: string, signal?: AbortSignal): Promise<ImportResponse> {
  return api.request(`/api/v1/imports/${id}`, importSchema, signal ? { signal } : {});
}

export function fetchImportErrors(id: string, signal?: AbortSignal) {
  return api.request(`/api/v1/imports/${id}/errors?limit=20`, importErrorsSchema, signal ? { signal } : {});
}

/** Uploads the whole file; the server answers at once with the queued import. */
export function uploadImport(
  file: File,
  choices: ImportChoices,
  options: { dryRun: boolean },
): Promise<ImportResponse> {
  return api.request('/api/v1/imports', importSchema, {
    method: 'POST',
    body: buildImportForm(file, choices, options),
  });
}

/** Sends the head of the file for a preview: nothing is written. */
export function previewImport(
  file: File,
  choices: ImportChoices,
  signal?: AbortSignal,
): Promise<ImportPreviewResponse> {
  const head = new File([file.slice(0, PREVIEW_SLICE_BYTES)], file.name, { type: file.type });
  return api.request('/api/v1/imports/preview', importPreviewSchema, {
    method: 'POST',
    body: buildImportForm(head, choices),
    ...(signal ? { signal } : {}),
  });
}

const isActive = (status: string | undefined) => status === 'queued' || status === 'running';

/** The import history; refreshed every 2 s while one of them is still going. */
export function useImports() {
  return useQuery({
    queryKey: IMPORTS_KEY,
    queryFn: ({ signal }) => fetchImports(signal),
    refetchInterval: (query) => (query.state.data?.imports.some((i) => isActive(i.status)) ? 2_000 : false),
  });
}

/** One import, polled every second until it has finished. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, id],
    queryFn: ({ signal }) => fetchImport(id ?? '', signal),
    enabled: id !== null,
    refetchInterval: (query) => (isActive(query.state.data?.status) ? 1_000 : false),
  });
}

export function useImportErrors(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, id, 'errors'],
    queryFn: ({ signal }) => fetchImportErrors(id, signal),
    enabled,
  });
}

/** The preview of the chosen file with the chosen options; the last one stays shown while the next loads. */
export function usePreview(file: File | null, choices: ImportChoices) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, 'preview', file?.name, file?.size, file?.lastModified, choices],
    queryFn: ({ signal }) => previewImport(file as File, choices, signal),
    enabled: file !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}
