import { describe, expect, test } from 'vitest';
import { classifyTokenShape, findTokenWords, shannonEntropy } from '@/lib/wati-page/reveal';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJuZXciLCJ0ZW5hbnRfaWQiOiIxMDIzNCIsInNjb3BlcyI6WyJjb250YWN0czpyZWFkIl0sImV4cCI6MTc5NTIzNjAwMH0.7WQohkf1MPB0mxx2fF602rG5d9t5e3qNBNgN_GqwQH0';

describe('token shapes', () => {
  test('JWT and opaque tokens', () => {
    expect(classifyTokenShape(JWT)).toBe('jwt');
    expect(classifyTokenShape('Km9V_EtM7Hbanqu1dFpeZFuDw35vhQlN4DJy8HpP')).toBe('opaque');
    expect(classifyTokenShape('wt_Yt1-IhXTIcE_UrYL3yAmTl1xO-dU1qP4YVzA')).toBe('opaque');
    expect(classifyTokenShape('gsk4KYrPKCVtqbEYXFflIqi2DSHbB9LN')).toBe('opaque');
  });
  test('hex of hash length is only weak evidence', () => {
    expect(classifyTokenShape('a94a8fe5ccb19ba61c4c0873d391e987982fbbd3')).toBe('hash-like');
  });
  test.each([
    ['short', 'ABC123'],
    ['truncated JWT', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9'],
    ['UUID', '6f1c2f0e-1b7a-4c55-9d1e-2f8a7b3c4d5e'],
    ['long word', 'supercalifragilisticexpialidociouslyextraordinary'],
    ['repetitive', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1111'],
    ['URL', 'https://live-mt-server.wati.io/10234/api/v1/getContacts'],
    ['slug', 'messagetemplate-conversations-contacts-integration-v3'],
  ])('not a token: %s', (_why, word) => expect(classifyTokenShape(word)).toBeUndefined());

  test('findTokenWords takes whole words, trimmed of quotes and brackets', () => {
    expect(findTokenWords(`-H "Authorization: Bearer ${JWT}"`)).toEqual([{ token: JWT, shape: 'jwt' }]);
    expect(findTokenWords('url https://x.wati.io/?sig=Km9V_EtM7Hbanqu1dFpeZFuDw35vhQlN4DJy8HpP')).toEqual([]);
    expect(findTokenWords('{"token":"Km9V_EtM7Hbanqu1dFpeZFuDw35vhQlN4DJy8HpP"}')).toEqual([]);
    expect(findTokenWords('data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==')).toEqual([]);
  });

  test('entropy', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
});
