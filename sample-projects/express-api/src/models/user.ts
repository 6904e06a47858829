import { isTeamAdmin, type Team } from './team.js';

export interface User {
  id: string;
  email: string;
  name: string;
  teamId: string;
  role: 'owner' | 'admin' | 'member' | 'viewer';
  createdAt: Date;
  deactivatedAt: Date | null;
}

export interface UserRow {
  id: string;
  email: string;
  full_name: string;
  team_id: string;
  role: User['role'];
  created_at: string;
  deactivated_at: string | null;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.full_name,
    teamId: row.team_id,
    role: row.role,
    createdAt: new Date(row.created_at),
    deactivatedAt: row.deactivated_at ? new Date(row.deactivated_at) : null,
  };
}

export function displayName(user: Pick<User, 'name' | 'email'>): string {
  return user.name.trim() || user.email.split('@')[0] || user.email;
}

export function canManageTeam(user: User, team: Team): boolean {
  return user.teamId === team.id && isTeamAdmin(user.role);
}
