import { Module } from '@nestjs/common';
import { RegisterController } from './register.controller';
import { RegisterService } from './register.service';

/** Sổ văn bản đi: the register of issued documents (JSON and CSV). */
@Module({ controllers: [RegisterController], providers: [RegisterService], exports: [RegisterService] })
export class RegisterModule {}
