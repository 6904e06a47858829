import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthController {
  private readonly startedAt = new Date();

  @Get()
  check() {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()), startedAt: this.startedAt.toISOString() };
  }
}
