// Which Pyroscope data source the page opens with when the URL names none (or one that no longer exists).

export interface DatasourceChoice {
  uid: string;
  isDefault?: boolean;
}

export function pickDatasource(
  fromUrl: string | undefined,
  fromSettings: string | undefined,
  pyroscopeDatasources: DatasourceChoice[]
): string | undefined {
  const exists = (uid: string | undefined) => uid !== undefined && pyroscopeDatasources.some((d) => d.uid === uid);
  if (exists(fromUrl)) {
    return fromUrl;
  }
  if (exists(fromSettings)) {
    return fromSettings;
  }
  return (pyroscopeDatasources.find((d) => d.isDefault) ?? pyroscopeDatasources[0])?.uid;
}

/** Profile type to start with: the URL's if the data source has it, else CPU time, else the first one. */
export function pickProfileType(fromUrl: string | undefined, available: string[]): string | undefined {
  if (fromUrl && available.includes(fromUrl)) {
    return fromUrl;
  }
  return available.find((id) => id.startsWith('process_cpu:cpu:')) ?? available[0];
}
