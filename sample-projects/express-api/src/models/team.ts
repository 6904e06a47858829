import { displayName, type User } from './user.js';

export interface Team {
  id: string;
  name: string;
  plan: 'free' | 'growth' | 'enterprise';
  ownerId: string;
  seats: number;
}

export interface TeamRow {
  id: string;
  name: string;
  plan: Team['plan'];
  owner_id: string;
  seats: number;
}

export const TEAM_ADMIN_ROLES: ReadonlyArray<User['role']> = ['owner', 'admin'];

export function toTeam(row: TeamRow): Team {
  return { id: row.id, name: row.name, plan: row.plan, ownerId: row.owner_id, seats: row.seats };
}

export function isTeamAdmin(role: User['role']): boolean {
  return TEAM_ADMIN_ROLES.includes(role);
}

export function describeMember(team: Team, member: User): string {
  return `${displayName(member)} (${member.role}) in ${team.name}`;
}
