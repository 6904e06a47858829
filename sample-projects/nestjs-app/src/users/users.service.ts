import { Injectable, NotFoundException } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { AppDataSource } from '../data-source';
import type { CreateUserDto } from './dto/create-user.dto';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  private get users(): Repository<User> {
    return AppDataSource.getRepository(User);
  }

  findAll(): Promise<User[]> {
    return this.users.find({ order: { createdAt: 'DESC' }, take: 100 });
  }

  async findOne(id: number): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) {
      throw new NotFoundException(`user ${id} not found`);
    }
    return user;
  }

  create(dto: CreateUserDto): Promise<User> {
    return this.users.save(this.users.create({ ...dto, role: dto.role ?? 'customer', pushToken: null }));
  }

  async remove(id: number): Promise<void> {
    const result = await this.users.delete(id);
    if (!result.affected) {
      throw new NotFoundException(`user ${id} not found`);
    }
  }
}
