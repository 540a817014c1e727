import { z } from 'zod';
import { codeName, idName, text } from './primitives';

export const loginRequest = z.strictObject({
  username: text(100, 1),
  password: z.string({ error: 'phải là chữ' }).min(1, { error: 'không được để trống' }).max(200, { error: 'quá dài' }),
});

export const currentUser = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  position: z.string(),
  positionTitle: z.string(),
  unit: codeName.nullable(),
  roles: z.array(z.string()),
  organisation: idName,
});

export const loginResponse = z.object({ accessToken: z.string(), user: currentUser });
