/** Who a user is to Rightly; decides what they may see and change. */
export const USER_ROLES = ['admin', 'leader', 'rep'] as const;
export type UserRole = (typeof USER_ROLES)[number];
