import React from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../queryClient';

/** A fresh data cache per render, configured as the app's: no answer leaks from one test into the next. */
export function WithQueries({ children }: { children: React.ReactNode }) {
  const [client] = React.useState(createQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
